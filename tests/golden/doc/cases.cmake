# Golden outputs of `xuncha doc` (run by tests/golden/tool_golden.cmake from this folder;
# scripts/update-diff-doc-golden.sh rewrites them). The rule sets are those of the diff cases.
set(GOLDEN_UPDATE scripts/update-diff-doc-golden.sh)

# A rule set that extends another: the handbook ends with its change log. Its titles hold
# < & " so the HTML shows the escaping.
golden_files(ARGS doc ../diff/lib/plant-v2.xr --out ${OUT}
             OUTPUTS plant-v2.md plant-v2.html EXPECTED plant-v2.md plant-v2.html)
# One that extends nothing, Markdown only.
golden_files(ARGS doc ../diff/lib/plant-v1.xr --out ${OUT}/v1 --format=markdown
             OUTPUTS v1/plant-v1.md EXPECTED plant-v1.md)

golden_output(usage-no-out.txt doc ../diff/lib/plant-v1.xr)
golden_output(missing-file.txt doc ../diff/lib/missing.xr --out ${OUT}/missing)
