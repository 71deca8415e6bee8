# SPDX-License-Identifier: LGPL-2.1-or-later
# exports.awk HEADER: the names of the functions HEADER declares, one a
# line: comments and the bodies of static inline functions left out.
{
	line = $0
	# Block comments, also across lines.
	while (1) {
		if (in_comment) {
			end = index(line, "*/")
			if (!end) { line = ""; break }
			line = substr(line, end + 2)
			in_comment = 0
		}
		start = index(line, "/*")
		if (!start) break
		rest = substr(line, start + 2)
		end = index(rest, "*/")
		if (end) {
			line = substr(line, 1, start - 1) " " substr(rest, end + 2)
		} else {
			line = substr(line, 1, start - 1)
			in_comment = 1
		}
	}
	# A static inline function: skip to the closing brace in column 1.
	if (line ~ /^static inline/) { in_inline = 1 }
	if (in_inline) {
		if (line ~ /^}/) in_inline = 0
		next
	}
	while (match(line, /pgr_[a-z0-9_]+\(/)) {
		print substr(line, RSTART, RLENGTH - 1)
		line = substr(line, RSTART + RLENGTH)
	}
}
