package clockifytest

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentUse hits one server from many goroutines mixing reads,
// writes, seeding, fault injection and record reading; run with -race.
func TestConcurrentUse(t *testing.T) {
	s := NewDemoServer(WithGeneratedMembers(200))
	defer s.Close()
	members := s.Members(DemoWorkspaceID)
	const workers, rounds = 24, 15
	var wg sync.WaitGroup
	errs := make(chan string, workers*rounds*6)
	check := func(r reply, want int, what string) {
		if r.status != want {
			errs <- fmt.Sprintf("%s: %d %s", what, r.status, r.body)
		}
	}
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			target := members[len(members)-1-w].ID // a generated member of its own
			for i := range rounds {
				check(send(t, s, http.MethodGet, demoWS+"/users?page-size=50&sort-column=NAME&include-roles=false", ""), 200, "list")
				check(send(t, s, http.MethodPost, demoWS+"/users/info", `{"roles":["WORKSPACE_ADMIN"]}`), 200, "filter")
				check(send(t, s, http.MethodPatch, profilePath(target), fmt.Sprintf(`{"workCapacity":"PT%dH"}`, i%8+1)), 200, "profile")
				check(send(t, s, http.MethodPut, demoWS+"/users/"+target+"/hourly-rate", fmt.Sprintf(`{"amount":%d}`, 1000*(i+1))), 200, "rate")
				check(send(t, s, http.MethodPost, demoWS+"/user-groups/"+DemoGroupID+"/users", `{"userId":"`+target+`"}`), 200, "group add")
				check(send(t, s, http.MethodDelete, demoWS+"/user-groups/"+DemoGroupID+"/users/"+target, ""), 200, "group remove")
				if i%5 == 0 {
					s.AddMember(DemoWorkspaceID, MemberSeed{Name: fmt.Sprintf("Late Joiner %d-%d", w, i)})
					s.InjectFault(Fault{PathPrefix: "/v1/nowhere", Status: 500})
					_ = s.Requests()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	for w := range workers {
		m, _ := s.Member(DemoWorkspaceID, members[len(members)-1-w].ID)
		assert.Equal(t, fmt.Sprintf("PT%dH", (rounds-1)%8+1), m.WorkCapacity)
		require.NotNil(t, m.HourlyRate)
		assert.Equal(t, int64(1000*rounds), m.HourlyRate.Amount)
		assert.Empty(t, m.Groups)
	}
	g, _ := s.Group(DemoWorkspaceID, DemoGroupID)
	assert.Len(t, g.UserIDs, 3)
	assert.Len(t, s.Members(DemoWorkspaceID), 10+200+workers*3)
	assert.Len(t, s.Requests(), workers*rounds*6)
}
