# narrative.awk — a content document (as tipr writes it) as plain records,
# for the fixture generators: "S<TAB>id<TAB>title", "P<TAB>paragraph",
# "I<TAB>recommendation", in the document's order.
/^- id: / { id = $3; next }
/^  title: / {
	t = $0; sub(/^  title: /, "", t); gsub(/"/, "", t)
	print "S\t" id "\t" t; next
}
/^  - / {
	it = $0; sub(/^  - /, "", it)
	if (it ~ /^"/) { gsub(/^"|"$/, "", it); gsub(/\\"/, "\"", it) }
	print "I\t" it; next
}
/^    / { p = $0; sub(/^    /, "", p); print "P\t" p; next }
