func use(_ status: PetStatus?) -> Bool { status == .available }
