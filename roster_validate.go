package clockify

import (
	"errors"
	"fmt"
	"strings"
)

// validateSpecs refuses a roster Clockify could not be matched to, before any request: a spec
// without its key or with both, a key given twice, an unknown status, a bad profile, role,
// group or rate. Every problem is reported: one *ValidationError each, joined (errors.Join)
// when there are several.
func validateSpecs(workspaceID string, specs []MemberSpec) error {
	var errs []error
	emails := make(map[string]int, len(specs))
	names := map[string]int{}
	for i := range specs {
		sp := &specs[i]
		field := func(name string) string { return fmt.Sprintf("specs[%d].%s", i, name) }
		if err := sp.validateKey(field); err != nil {
			errs = append(errs, err)
		} else if sp.Limited {
			if j, ok := names[sp.Name]; ok {
				errs = append(errs, &ValidationError{Field: field("Name"), Reason: fmt.Sprintf("limited member %q is also specs[%d]", sp.Name, j)})
			} else {
				names[sp.Name] = i
			}
		} else {
			key := strings.ToLower(sp.Email)
			if j, ok := emails[key]; ok {
				errs = append(errs, &ValidationError{Field: field("Email"), Reason: fmt.Sprintf("%q is also specs[%d]", sp.Email, j)})
			} else {
				emails[key] = i
			}
		}
		errs = append(errs, sp.validateFields(workspaceID, field)...)
	}
	return joinErrors(errs)
}

// joinErrors is nil for none, the error itself for one, and errors.Join of them otherwise.
func joinErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

func (sp *MemberSpec) validateKey(field func(string) string) error {
	if !sp.Limited {
		if sp.Name != "" {
			return &ValidationError{Field: field("Name"), Reason: "a full member is keyed by Email alone; Name is for limited members (full members set their name on CAKE.com)"}
		}
		if err := validateEmail(sp.Email); err != nil {
			return &ValidationError{Field: field("Email"), Reason: err.(*ValidationError).Reason}
		}
		return nil
	}
	if sp.Email != "" {
		return &ValidationError{Field: field("Email"), Reason: "a limited member has no email; it is keyed by Name"}
	}
	if err := validateName(field("Name"), sp.Name); err != nil {
		return err
	}
	if strings.TrimSpace(sp.Name) != sp.Name {
		// The name is the key, compared exactly; spaces are a copy-and-paste slip.
		return &ValidationError{Field: field("Name"), Reason: fmt.Sprintf("%q has leading or trailing spaces", sp.Name)}
	}
	return nil
}

// validateFields returns every problem of the spec's managed fields.
func (sp *MemberSpec) validateFields(workspaceID string, field func(string) string) []error {
	var errs []error
	switch sp.Status {
	case "", MembershipActive, MembershipInactive:
	default:
		errs = append(errs, &ValidationError{Field: field("Status"), Reason: fmt.Sprintf("%q is not ACTIVE, INACTIVE or empty (leave as is)", sp.Status)})
	}
	if p := sp.Profile; p != nil && p.setsAnything() {
		if p.Name != nil {
			errs = append(errs, &ValidationError{Field: field("Profile.Name"), Reason: "cannot be managed by a roster: a limited member's name is its key, and full members set theirs on CAKE.com"})
		} else if err := p.validate(); err != nil {
			errs = append(errs, prefixField(field("Profile."), err))
		}
	}
	seen := map[RoleAssignment]bool{}
	for j, a := range sp.Roles {
		if err := a.validate(workspaceID); err != nil {
			ve := err.(*ValidationError)
			errs = append(errs, &ValidationError{Field: field(fmt.Sprintf("Roles[%d]", j)), Reason: ve.Field + " " + ve.Reason})
		} else if seen[a] {
			errs = append(errs, &ValidationError{Field: field(fmt.Sprintf("Roles[%d]", j)), Reason: fmt.Sprintf("%s is listed twice", a)})
		}
		seen[a] = true
	}
	groups := map[string]bool{}
	for j, g := range sp.Groups {
		switch {
		case strings.TrimSpace(g) == "":
			errs = append(errs, &ValidationError{Field: field(fmt.Sprintf("Groups[%d]", j)), Reason: "must not be empty"})
		case groups[g]:
			errs = append(errs, &ValidationError{Field: field(fmt.Sprintf("Groups[%d]", j)), Reason: fmt.Sprintf("group %q is listed twice", g)})
		}
		groups[g] = true
	}
	if err := validateAmount(field("HourlyRate"), sp.HourlyRate); err != nil {
		errs = append(errs, err)
	}
	if err := validateAmount(field("CostRate"), sp.CostRate); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// prefixField puts prefix before the field a *ValidationError names; other errors are kept.
func prefixField(prefix string, err error) error {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	return &ValidationError{Field: prefix + ve.Field, Reason: ve.Reason}
}

func (o *RosterOptions) validate() error {
	if o.PageSize < 0 || o.PageSize > MaxPageSize {
		return &ValidationError{Field: "RosterOptions.PageSize", Reason: fmt.Sprintf("must be between 1 and %d (0 for the default)", MaxPageSize)}
	}
	return nil
}
