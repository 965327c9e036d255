func use(_ pet: Pet) -> Int { pet.id }
