// A deprecation warns; it does not stop the build.
func use(_ pet: Pet) -> Int { pet.id }
