extension KRRSeed {
    /// A seed of `count` synthetic persons spread evenly over every `KRRCategory`, in the order of
    /// `KRRCategory.allCases` (person 0 at Digipost, person 1 at e-Boks, ...). The same `count` always
    /// gives the same seed; a larger count extends a smaller one.
    public static func generate(count: Int) -> KRRSeed {
        let categories = KRRCategory.allCases
        let persons = zip(SyntheticPersonIdentifiers().prefix(max(0, count)), 0...).map { id, index in
            Person(id: id, category: categories[index % categories.count])
        }
        return KRRSeed(persons: persons)
    }
}
