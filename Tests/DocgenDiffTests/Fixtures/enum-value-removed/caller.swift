func use() -> PetStatus { .sold }
