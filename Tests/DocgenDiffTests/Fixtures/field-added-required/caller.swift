func use() -> Pet { Pet(id: 1, name: "Rex") }
