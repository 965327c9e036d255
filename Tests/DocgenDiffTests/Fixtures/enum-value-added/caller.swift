func use(_ status: PetStatus) -> Int {
    switch status {
    case .available: 1
    case .sold: 2
    case .unknown: 0
    }
}
