func use() -> Collar { Collar(size: 3) }
