# Reference values for unitcost/calculate_test.go, multi-year sheet.
# R 4.2.2: Rscript testdata/r/unitcost.R (run from the repository root).
# Definitions of the contract (spec/cli.md, "evalkit unitcost"):
#   real  = amount * index[price_year] / index[year]
#   disc  = real / (1 + r)^(year - base_year) for year > base_year, else real
#   cost per person = total / people; group cost = total * people_g / people
#   benefit = sum(count * value * index[p]/index[year] / (1+r)^(year-base)),
#             rows without a year neither deflated nor discounted
p <- function(x) cat(sprintf("%-45s %s\n", deparse(substitute(x)), sprintf("%.17g", x)))
costs <- read.csv("testdata/unitcost/multiyear_costs.csv", stringsAsFactors = FALSE)
reach <- read.csv("testdata/unitcost/multiyear_reach.csv", stringsAsFactors = FALSE)
defl  <- read.csv("testdata/unitcost/multiyear_deflators.csv")
outc  <- read.csv("testdata/unitcost/multiyear_outcomes.csv", stringsAsFactors = FALSE)
price_year <- 2023; r <- 0.035; base <- 2022
idx <- setNames(defl$index, defl$year)
fac <- function(y) ifelse(is.na(y), 1,
  idx[as.character(price_year)] / idx[as.character(y)] / ifelse(y > base, (1 + r)^(y - base), 1))
costs$pv <- costs$amount * fac(costs$year)
hp <- costs[costs$intervention == "Hotspot Patrols", ]
mt <- costs[costs$intervention == "Mentoring", ]
hp_total <- sum(hp$pv); p(hp_total)
mt_total <- sum(mt$pv); p(mt_total)
hp_people <- sum(reach$people[reach$intervention == "Hotspot Patrols"])
p(hp_total / hp_people)
p(mt_total / 40)
p(hp_total * 300 / 400); p(hp_total * 100 / 400)
for (cat in c("staff", "non_staff", "in_kind")) { v <- sum(hp$pv[hp$category == cat]); cat("hp", cat, sprintf("%.17g", v), "\n") }
for (cat in c("staff", "overhead", "volunteer")) { v <- sum(mt$pv[mt$category == cat]); cat("mt", cat, sprintf("%.17g", v), "\n") }
hp_fund <- tapply(hp$pv, ifelse(hp$funder == "", "unspecified", hp$funder), sum); print(sprintf("%.17g", hp_fund)); print(names(hp_fund))
total <- sum(costs$pv); p(total); p(total / 440)
# outcomes
o <- outc[outc$intervention == "Hotspot Patrols", ]
hp_benefit <- sum(o$count * o$value * fac(o$year)); p(hp_benefit)
p(hp_total / sum(o$count)); p(hp_benefit - hp_total); p(hp_benefit / hp_total)
mt_benefit <- 2.5 * 9000; p(mt_total / 2.5); p(mt_benefit - mt_total); p(mt_benefit / mt_total)
p(mt_total / 10)
# one-way sensitivity, share 0.2, Hotspot Patrols
s <- 0.2
p((hp_total - s * sum(hp$pv[hp$category == "staff"])) / hp_people)
p((hp_total + s * sum(hp$pv[hp$category == "staff"])) / hp_people)
p(hp_total / (hp_people * (1 - s))); p(hp_total / (hp_people * (1 + s)))
facr <- function(y, rr) idx[as.character(price_year)] / idx[as.character(y)] / ifelse(y > base, (1 + rr)^(y - base), 1)
p(sum(hp$amount * facr(hp$year, r * (1 - s))) / hp_people)
p(sum(hp$amount * facr(hp$year, r * (1 + s))) / hp_people)

# The programme's 2023-24 example sheets (unitcost/calculate_test.go,
# TestProgramme2023_24): cost per person over every line, and the VRU core
# grant per person. A post given by salary costs salary * (1 + on_cost_rate) * wte.
ex <- read.csv("examples/costs_2023_24.csv", stringsAsFactors = FALSE)
ex$amount <- ifelse(is.na(ex$amount), ex$salary * (1 + ex$on_cost_rate) * ex$wte, ex$amount)
er <- read.csv("examples/reach_2023_24.csv", stringsAsFactors = FALSE)
people <- tapply(er$people, er$intervention, sum)
cost <- tapply(ex$amount, ex$intervention, sum)
grant <- tapply(ex$amount[ex$funder == "VRU core grant"], ex$intervention[ex$funder == "VRU core grant"], sum)
for (n in unique(ex$intervention))
  cat(sprintf("%-20s cost %.17g per person %.17g grant per person %.17g\n", n, cost[n], cost[n] / people[n], grant[n] / people[n]))
cat(sprintf("total %.17g per person %.17g\n", sum(ex$amount), sum(ex$amount) / sum(er$people)))
