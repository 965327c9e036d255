import ArgumentParser

DocgenCommand.main()
