# Writes the data sets of testdata/r/factors.R: testdata/analyse2/sites.csv
# and testdata/analyse2/tiny_factor_ri.csv. R 4.2.2.
# Run once from the repository root:  Rscript testdata/r/factors_data.R
# (the committed files are its output; the tests never run R).
set.seed(20240611)

## sites.csv: 18 wards (clusters, randomised whole, 6 per arm) of 5 people;
## site is a text covariate of the person, with missing values (NA and
## empty), and the level "Enfield" only in arm phone; reoffended is written
## in words, in several letter cases and with spaces.
arms <- rep(c("control", "navigator", "phone"), each = 6)
ward <- sprintf("W%02d", 1:18)
d <- data.frame(unit = sprintf("S%03d", 1:90), ward = rep(ward, each = 5),
                arm = rep(sample(arms), each = 5))
levs <- c("Barnet", "Croydon", "Ealing", "hackney")
d$site <- sample(levs, 90, replace = TRUE)
d$site[d$arm == "phone"][c(2, 7, 11, 19, 23)] <- "Enfield"
d$x <- round(rnorm(90, 50, 10), 1)
eff <- c(control = 0, navigator = 3, phone = 1)[d$arm]
site_eff <- c(Barnet = 0, Croydon = 2, Ealing = -1, hackney = 4, Enfield = 1)[d$site]
ward_eff <- rnorm(18, 0, 2)[as.integer(factor(d$ward))]
d$y <- round(20 + eff + site_eff + 0.3 * d$x + ward_eff + rnorm(90, 0, 4), 2)
d$weeks <- sample(c(26, 39, 52), 90, replace = TRUE)
mu <- exp(log(d$weeks / 52) + 0.5 - 0.3 * (d$arm == "navigator") + site_eff / 4)
d$crimes <- rnbinom(90, size = 1.5, mu = mu)
r <- rbinom(90, 1, plogis(-0.5 + site_eff / 3 - 0.6 * (d$arm == "navigator")))
d$reoffended <- ifelse(r == 1, sample(c("yes", "Yes", "YES", " yes"), 90, TRUE),
                       sample(c("no", "No", "no "), 90, TRUE))
d$reoffended01 <- r
d$site[c(4, 33)] <- NA
d$site[61] <- ""
write.csv(d, "testdata/analyse2/sites.csv", row.names = FALSE, quote = FALSE, na = "NA")

## tiny_factor_ri.csv: 12 units, 6 treated, a text covariate of 3 levels
## (924 allocations, enumerated).
k <- data.frame(unit = sprintf("K%02d", 1:12), arm = sample(rep(c("control", "treatment"), 6)),
                site = rep(c("north", "South", "east"), 4))
k$y <- round(10 + 1.5 * (k$arm == "treatment") + c(north = 0, South = 2, east = -1)[k$site] + rnorm(12), 2)
write.csv(k, "testdata/analyse2/tiny_factor_ri.csv", row.names = FALSE, quote = FALSE)
