func use(_ food: Food) -> String {
    switch food {
    case .kibble(let kibble): kibble.brand
    case .meat(let meat): meat.cut
    }
}
