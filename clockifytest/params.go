package clockifytest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Query parameters are converted the way Spring converts them, with the
// same failure messages (code 3000).

// boolParam parses name like Spring's StringToBooleanConverter (true/false,
// on/off, yes/no, 1/0, any case); absent or empty gives def.
func boolParam(q url.Values, name string, def bool) (bool, *apiError) {
	v := q.Get(name)
	switch strings.ToLower(v) {
	case "":
		return def, nil
	case "true", "on", "yes", "1":
		return true, nil
	case "false", "off", "no", "0":
		return false, nil
	}
	return false, badParam(name, "java.lang.Boolean", fmt.Sprintf("Invalid boolean value [%s]", v))
}

func intParam(q url.Values, name string, def int) (int, *apiError) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(v, 10, 32)
	if err != nil {
		return 0, badParam(name, "int", fmt.Sprintf("For input string: \"%s\"", v))
	}
	return int(n), nil
}

func enumParam(q url.Values, name, javaType string, allowed []string, def string) (string, *apiError) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	if !slices.Contains(allowed, v) {
		return "", badEnumParam(name, javaType, v)
	}
	return v, nil
}

// requiredParam refuses a request without the query parameter name, which
// Clockify declares required, the way Spring refuses a missing
// @RequestParam: 400 code 3001. An empty value counts as present.
func requiredParam(q url.Values, name, javaType string) *apiError {
	if _, ok := q[name]; ok {
		return nil
	}
	return &apiError{status: http.StatusBadRequest, code: 3001,
		msg: fmt.Sprintf("Required request parameter '%s' for method parameter type %s is not present", name, javaType)}
}

// multiParam accepts both repeated parameters and comma-joined values, as
// Spring does for list parameters.
func multiParam(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// checkEnumJSON refuses a body value outside allowed the way Jackson does
// (400 code 3000); empty values count as absent.
func checkEnumJSON(javaType string, allowed []string, vals ...string) *apiError {
	for _, v := range vals {
		if v != "" && !slices.Contains(allowed, v) {
			return badEnumJSON(javaType, v, allowed)
		}
	}
	return nil
}

// maxPageSize is the largest page Clockify support has named. Whether the
// live API rejects or clamps a larger one is unknown; the fake rejects it so
// that a client asking for more notices.
const maxPageSize = 5000

// pageParams reads page (default 1) and page-size (default defSize, at
// most maxSize) and checks them.
func pageParams(q url.Values, defSize, maxSize int) (page, size int, err *apiError) {
	if page, err = intParam(q, "page", 1); err != nil {
		return
	}
	if size, err = intParam(q, "page-size", defSize); err != nil {
		return
	}
	err = checkPaging(page, size, maxSize, "page", "page-size")
	return
}

// checkPaging validates a 1-based page and a page size of 1..maxSize.
func checkPaging(page, size, maxSize int, pageName, sizeName string) *apiError {
	if page < 1 {
		return &apiError{status: 400, code: 3000, msg: fmt.Sprintf("%s: must be greater than or equal to 1", pageName)}
	}
	if size < 1 || size > maxSize {
		return &apiError{status: 400, code: 3000, msg: fmt.Sprintf("%s: must be between 1 and %d", sizeName, maxSize)}
	}
	return nil
}
