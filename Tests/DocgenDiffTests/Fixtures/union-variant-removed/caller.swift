func use() -> Food { .meat(Meat(cut: "rib")) }
