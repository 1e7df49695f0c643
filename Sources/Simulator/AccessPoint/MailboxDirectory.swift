/// The seed persons by mailbox address (`postkasseadresse`): how the access point finds the person a
/// digital letter is for, since neither the business message nor the manifest carries the person
/// identifier. A person's address is the seed's `mailboxAddress`, else the one KRR derives for Digipost
/// or e-Boks; persons without a mailbox are indexed too, so a letter sent to the address a reserved person
/// would have is caught as "reserved" rather than "unknown".
struct MailboxDirectory: Sendable {
    private let persons: [String: KRRSeed.Person]

    init(seed: KRRSeed) {
        var persons: [String: KRRSeed.Person] = [:]
        for person in seed.persons {
            let derived = DerivedContact(person: person)
            let addresses = person.mailboxAddress.map { [$0] }
                ?? [derived.mailboxAddress(at: .digipost), derived.mailboxAddress(at: .eboks)]
            for address in addresses where persons[address] == nil {
                persons[address] = person
            }
        }
        self.persons = persons
    }

    /// The person whose mailbox address is `address`, or nil.
    func person(at address: String) -> KRRSeed.Person? {
        persons[address]
    }
}
