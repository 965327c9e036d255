// docgen writes models, not methods: operations change no Swift a caller wrote.
func use(_ pet: Pet) -> Int { pet.id }
