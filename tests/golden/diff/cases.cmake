# Golden outputs of `xuncha diff` (run by tests/golden/tool_golden.cmake from this folder;
# scripts/update-diff-doc-golden.sh rewrites them).
set(GOLDEN_UPDATE scripts/update-diff-doc-golden.sh)

# The shipped yearly update.
golden_output(national-2023-2024.txt diff ../../../rulesets/national/2023.xr
              ../../../rulesets/national/2024.xr)
golden_output(national-2023-2024.json diff ../../../rulesets/national/2023.xr
              ../../../rulesets/national/2024.xr --format=json)

# One change of every kind (plant-v2 extends plant-v1), English labels.
golden_output(plant.txt diff lib/plant-v1.xr lib/plant-v2.xr)
golden_output(plant.json diff lib/plant-v1.xr lib/plant-v2.xr --format=json)
# The records of a small population: tier movement, records failing in one rule set only.
golden_output(plant-data.txt diff lib/plant-v1.xr lib/plant-v2.xr --data lib/plants.csv)
golden_output(plant-data.json diff lib/plant-v1.xr lib/plant-v2.xr --data lib/plants.csv
              --format=json)
# Backwards: what was added is removed.
golden_output(plant-reverse.txt diff lib/plant-v2.xr lib/plant-v1.xr)

# Layout and comments are no change.
golden_output(layout.txt diff lib/layout-a.xr lib/layout-b.xr)

# Errors: a rule file that does not compile, data that does not fit, usage.
golden_output(missing-file.txt diff lib/layout-a.xr lib/missing.xr)
golden_output(data-columns.txt diff lib/layout-a.xr lib/plant-v1.xr --data lib/plants.csv)
golden_output(usage-param-without-data.txt diff lib/plant-v1.xr lib/plant-v2.xr
              --param drill_target=3)
