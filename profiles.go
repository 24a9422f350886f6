package clockify

// ProfilesService reads and edits members' profiles: week start, daily work capacity, working
// days and custom fields, with Clockify's documented rules checked and named.
type ProfilesService service
