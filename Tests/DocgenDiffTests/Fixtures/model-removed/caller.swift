func use(_ toy: Toy) -> Bool { toy.squeaks }
