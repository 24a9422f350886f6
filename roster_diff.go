package clockify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// profilePart is one independently judged piece of a profile change: Clockify's rules apply to
// some fields and not others (a member in several workspaces may still get a new capacity), so
// each piece is judged alone and only the blocked pieces are held back.
type profilePart struct {
	u      ProfileUpdate
	before ProfileUpdate // the values the fields of u have now
	change []string
}

// profileChanges plans the fields of want that differ from m's profile: one update-profile
// action for every piece no rule blocks, and one blocked action per rule that blocks others.
// status is m's membership status when the update would be sent.
func (p *rosterPlanner) profileChanges(want *ProfileUpdate, m *rosterMember, status MembershipStatus) []RosterAction {
	var acts []RosterAction
	byRule := map[string]int{} // rule name ("" for none) -> index in acts
	for _, part := range profileParts(want, m.profile) {
		blocked := p.profileRule(m, status, &part.u)
		key := ""
		if blocked != nil {
			key = ruleCode(blocked)
		}
		if i, ok := byRule[key]; ok {
			mergeUpdate(acts[i].Profile, &part.u)
			mergeUpdate(acts[i].ProfileBefore, &part.before)
			acts[i].Change += ", " + strings.Join(part.change, ", ")
			continue
		}
		u, before := part.u, part.before
		byRule[key] = len(acts)
		acts = append(acts, RosterAction{Kind: RosterUpdateProfile, Profile: &u, ProfileBefore: &before,
			Change: strings.Join(part.change, ", "), Blocked: blocked})
	}
	return acts
}

// profileParts splits what differs between want and have into the pieces Clockify's rules
// treat apart: the schedule (capacity, working days), the week start, custom fields, and the
// picture.
func profileParts(want *ProfileUpdate, have *Profile) []profilePart {
	var schedule, week, fields, picture profilePart
	if want.WorkCapacity != nil && *want.WorkCapacity != have.WorkCapacity {
		schedule.u.WorkCapacity, schedule.before.WorkCapacity = want.WorkCapacity, Ptr(have.WorkCapacity)
		schedule.change = append(schedule.change, fmt.Sprintf("workCapacity %s → %s", have.WorkCapacity, *want.WorkCapacity))
	}
	if want.WorkingDays != nil && *want.WorkingDays != have.WorkingDays {
		schedule.u.WorkingDays, schedule.before.WorkingDays = want.WorkingDays, Ptr(have.WorkingDays)
		schedule.change = append(schedule.change, fmt.Sprintf("workingDays %s → %s", shortDays(have.WorkingDays), shortDays(*want.WorkingDays)))
	}
	if want.WeekStart != nil && *want.WeekStart != have.WeekStart {
		week.u.WeekStart, week.before.WeekStart = want.WeekStart, Ptr(have.WeekStart)
		week.change = append(week.change, fmt.Sprintf("weekStart %s → %s", have.WeekStart, *want.WeekStart))
	}
	for _, cf := range want.CustomFields {
		if cur, ok := customFieldValue(have, cf.CustomFieldID); !ok || !sameJSON(cur, cf.Value) {
			fields.u.CustomFields = append(fields.u.CustomFields, cf)
			fields.before.CustomFields = append(fields.before.CustomFields, CustomFieldUpsert{CustomFieldID: cf.CustomFieldID, Value: rawOrNil(cur)})
			fields.change = append(fields.change, fmt.Sprintf("customField %s %s → %s", cf.CustomFieldID, displayJSON(cur), displayAny(cf.Value)))
		}
	}
	if want.ImageURL != nil && *want.ImageURL != have.ImageURL {
		picture.u.ImageURL, picture.before.ImageURL = want.ImageURL, Ptr(have.ImageURL)
		picture.change = append(picture.change, "imageUrl → "+*want.ImageURL)
	}
	if want.RemoveProfileImage && have.ImageURL != "" && !strings.Contains(have.ImageURL, "no-user-image") {
		picture.u.RemoveProfileImage, picture.before.ImageURL = true, Ptr(have.ImageURL)
		picture.change = append(picture.change, "remove picture")
	}
	var parts []profilePart
	for _, pt := range []profilePart{schedule, week, fields, picture} {
		if len(pt.change) > 0 {
			parts = append(parts, pt)
		}
	}
	return parts
}

// mergeUpdate adds the fields src sets to dst; the pieces never overlap.
func mergeUpdate(dst, src *ProfileUpdate) {
	if src.WeekStart != nil {
		dst.WeekStart = src.WeekStart
	}
	if src.WorkCapacity != nil {
		dst.WorkCapacity = src.WorkCapacity
	}
	if src.WorkingDays != nil {
		dst.WorkingDays = src.WorkingDays
	}
	dst.CustomFields = append(dst.CustomFields, src.CustomFields...)
	if src.ImageURL != nil {
		dst.ImageURL = src.ImageURL
	}
	dst.RemoveProfileImage = dst.RemoveProfileImage || src.RemoveProfileImage
}

func customFieldValue(p *Profile, id string) (json.RawMessage, bool) {
	for _, v := range p.CustomFields {
		if v.CustomFieldID == id {
			return v.Value, true
		}
	}
	return nil, false
}

// sameJSON compares a stored value with a wanted one by their JSON meaning, so that 5 and 5.0,
// or differently spaced lists, are the same value.
func sameJSON(have json.RawMessage, want any) bool {
	w, err := json.Marshal(want)
	if err != nil {
		return false
	}
	if len(bytes.TrimSpace(have)) == 0 {
		have = json.RawMessage("null")
	}
	var a, b any
	if json.Unmarshal(have, &a) != nil || json.Unmarshal(w, &b) != nil {
		return false
	}
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// shortDays writes a set of days the short way, for the plan's table: "MON,TUE,WED".
func shortDays(set WeekdaySet) string {
	days := set.Days()
	if len(days) == 0 {
		return "none"
	}
	s := make([]string, len(days))
	for i, d := range days {
		s[i] = string(d)[:3]
	}
	return strings.Join(s, ",")
}

// rawOrNil keeps a stored value as JSON, or nil when there is none.
func rawOrNil(v json.RawMessage) any {
	if len(bytes.TrimSpace(v)) == 0 {
		return nil
	}
	return v
}

// profileUnchanged reports whether the fields before records still have those values in p,
// naming the first that does not.
func profileUnchanged(before *ProfileUpdate, p *Profile) (string, bool) {
	switch {
	case before.WeekStart != nil && *before.WeekStart != p.WeekStart:
		return fmt.Sprintf("weekStart is %s now; the plan saw %s", p.WeekStart, *before.WeekStart), false
	case before.WorkCapacity != nil && *before.WorkCapacity != p.WorkCapacity:
		return fmt.Sprintf("workCapacity is %s now; the plan saw %s", p.WorkCapacity, *before.WorkCapacity), false
	case before.WorkingDays != nil && *before.WorkingDays != p.WorkingDays:
		return fmt.Sprintf("workingDays are %s now; the plan saw %s", p.WorkingDays, *before.WorkingDays), false
	case before.ImageURL != nil && *before.ImageURL != p.ImageURL:
		return "the picture changed since the plan was made", false
	}
	for _, cf := range before.CustomFields {
		cur, _ := customFieldValue(p, cf.CustomFieldID)
		if !sameJSON(cur, cf.Value) {
			return fmt.Sprintf("customField %s is %s now; the plan saw %s", cf.CustomFieldID, displayJSON(cur), displayAny(cf.Value)), false
		}
	}
	return "", true
}

func displayJSON(v json.RawMessage) string {
	if len(bytes.TrimSpace(v)) == 0 {
		return "unset"
	}
	return string(v)
}

func displayAny(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// describeUpdate lists the fields an update sets, for a member whose profile was not read.
func describeUpdate(u *ProfileUpdate) string {
	var s []string
	if u.WorkCapacity != nil {
		s = append(s, "workCapacity "+u.WorkCapacity.String())
	}
	if u.WorkingDays != nil {
		s = append(s, "workingDays "+shortDays(*u.WorkingDays))
	}
	if u.WeekStart != nil {
		s = append(s, "weekStart "+string(*u.WeekStart))
	}
	for _, cf := range u.CustomFields {
		s = append(s, "customField "+cf.CustomFieldID+" "+displayAny(cf.Value))
	}
	if u.ImageURL != nil {
		s = append(s, "imageUrl "+*u.ImageURL)
	}
	if u.RemoveProfileImage {
		s = append(s, "remove picture")
	}
	return strings.Join(s, ", ")
}

// describeLimited summarises a new limited member.
func describeLimited(lm *LimitedMember) string {
	u := ProfileUpdate{WorkCapacity: lm.WorkCapacity, WorkingDays: lm.WorkingDays, CustomFields: lm.UserCustomFields}
	if lm.WeekStart != "" {
		u.WeekStart = &lm.WeekStart
	}
	s := []string{"add limited member"}
	if d := describeUpdate(&u); d != "" {
		s = append(s, d)
	}
	if lm.HourlyRate != nil {
		s = append(s, "hourlyRate "+formatAmount(lm.HourlyRate))
	}
	if lm.CostRate != nil {
		s = append(s, "costRate "+formatAmount(lm.CostRate))
	}
	if n := len(lm.UserGroups); n > 0 {
		s = append(s, fmt.Sprintf("%d group(s)", n))
	}
	return strings.Join(s, ", ")
}
