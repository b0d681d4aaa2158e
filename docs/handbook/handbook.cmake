# The handbook of the shipped rule sets: `xuncha doc` output, committed so it can be read
# without building. ctest (handbook_current) regenerates it into the build tree and fails when
# it differs from what is committed here; scripts/update-handbook.sh rewrites it.
set(GOLDEN_UPDATE scripts/update-handbook.sh)
foreach(year 2023 2024)
  golden_files(ARGS doc rulesets/national/${year}.xr --out ${OUT}/national
               OUTPUTS national/${year}.md national/${year}.html
               EXPECTED docs/handbook/national/${year}.md docs/handbook/national/${year}.html)
endforeach()
