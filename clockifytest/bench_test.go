package clockifytest

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"testing"
)

// BenchmarkList10k lists a 10,000-member workspace in pages of 5000, as an
// SDK iterator would, decoding every page.
func BenchmarkList10k(b *testing.B) {
	s := NewServer(WithGeneratedMembers(10_000))
	defer s.Close()
	client := s.HTTPClient()
	key := s.OwnerKey()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for page := 1; ; page++ {
			req, _ := http.NewRequest(http.MethodGet, s.URL+"/v1/workspaces/"+DefaultWorkspaceID+"/users?include-roles=false&page-size=5000&page="+strconv.Itoa(page), nil)
			req.Header.Set(HeaderAPIKey, key)
			resp, err := client.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var users []json.RawMessage
			err = json.NewDecoder(resp.Body).Decode(&users)
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			n += len(users)
			if resp.Header.Get("Last-Page") == "true" {
				break
			}
		}
		if n != 10_001 {
			b.Fatalf("listed %d members", n)
		}
	}
}

// BenchmarkGenerate10k measures seeding 10,000 members.
func BenchmarkGenerate10k(b *testing.B) {
	for b.Loop() {
		s := NewServer(WithGeneratedMembers(10_000))
		s.Close()
	}
}
