func use(_ owner: Owner) -> String { owner.name }
