func use(_ pet: Pet) -> Int { pet.tag?.count ?? 0 }
