func use(_ pet: Pet) -> String? { pet.tag }
