func use() -> String { Pet(id: 1, name: "Rex").kind }
