func use(_ pet: Pet) -> Int { pet.name.count }
