package clockifytest

import (
	"fmt"
	"strings"
)

var (
	genFirst = []string{"Ava", "Liam", "Mia", "Noah", "Zoe", "Ethan", "Isla", "Mateo", "Aria", "Lucas",
		"Nora", "Elias", "Maya", "Hugo", "Leah", "Felix", "Ines", "Jonas", "Sara", "Omar",
		"Lena", "Kai", "Clara", "Ravi", "Emma", "Theo", "Yara", "Leon", "Anna", "Samir",
		"Julia", "Arjun", "Nina", "Oscar", "Lina", "Diego", "Hana", "Milan", "Elena", "Tariq"}
	genLast = []string{"Andersen", "Bauer", "Carvalho", "Dubois", "Eriksen", "Fischer", "Garcia", "Hoffmann",
		"Ibrahim", "Jansen", "Kowalski", "Larsen", "Moreno", "Nakamura", "Okafor", "Petrov",
		"Quinn", "Rossi", "Schmidt", "Tanaka", "Umarov", "Varga", "Weber", "Xu", "Yilmaz",
		"Zielinski", "Novak", "Costa", "Haddad", "Sato", "Keller", "Lindqvist", "Murphy", "Patel",
		"Romero", "Singh", "Thompson", "Vogel", "Walsh", "Ahmed"}
	genCapacity = []string{"PT8H", "PT8H", "PT8H", "PT7H30M", "PT8H", "PT6H", "PT8H", "PT4H"}
	genDays     = [][]string{weekdays[:5], weekdays[:5], weekdays[:5], weekdays[:4], weekdays[:5], weekdays[1:6]}
)

// GenerateMembers adds n ordinary, active members to workspace wsID and
// returns their ids. Names ("Ava Andersen", "Liam B. Bauer", …), e-mail
// addresses (ava.andersen@team.example.com, …), capacities and working days
// are realistic and deterministic; every fifth member has an hourly rate.
// It runs in time linear in n.
func (s *Server) GenerateMembers(wsID string, n int) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	st.mustWorkspace("GenerateMembers", wsID)
	ids := make([]string, 0, n)
	combos := len(genFirst) * len(genLast)
	for i := range n {
		k := st.generated
		st.generated++
		first, last := genFirst[k%len(genFirst)], genLast[(k/len(genFirst))%len(genLast)]
		round := k / combos
		name, local := first+" "+last, strings.ToLower(first+"."+last)
		if round > 0 {
			name = fmt.Sprintf("%s %c. %s", first, 'A'+rune(round%26), last)
			local = fmt.Sprintf("%s%d", local, round+1)
		}
		email := local + "@team.example.com"
		for st.emails[email] != "" {
			email = fmt.Sprintf("%s.%d@team.example.com", local, k)
		}
		seed := MemberSeed{Name: name, Email: email, WorkCapacity: genCapacity[k%len(genCapacity)],
			WorkingDays: genDays[k%len(genDays)]}
		if i%5 == 0 {
			seed.HourlyRate = &Rate{Amount: int64(4000 + 250*(k%20))}
		}
		ids = append(ids, st.addMember(wsID, seed))
	}
	return ids
}
