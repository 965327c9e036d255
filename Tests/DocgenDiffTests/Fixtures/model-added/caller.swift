// Code written against OLD; a new model breaks none of it.
func use(_ pet: Pet) -> String { pet.name }
