# Writes the data sets of testdata/r/cace.R, testdata/r/subgroup.R and
# testdata/r/lee.R: testdata/analyse_cace/*.csv, testdata/analyse_subgroup/
# subgroup.csv and testdata/analyse_lee/lee.csv. R 4.2.2.
# Run once from the repository root:  Rscript testdata/r/cace_data.R
# (the committed files are its output; the tests never run R).
set.seed(20240917)

## analyse_cace/schools.csv: 24 schools (clusters, randomised whole within
## 4 towns, 3 of 6 per town treated) of 6 to 10 pupils; received is the
## pupil's take-up of the navigator: two-sided non-compliance (about 70%
## take-up under treatment, 15% cross-over under control), with 4 pupils
## whose take-up is not known (NA, empty); received1 is the take-up with
## the control arm's cross-over removed (one-sided non-compliance); sex is a
## text covariate; y the attendance, one missing.
towns <- c("Reading", "Slough", "Woking", "Bracknell")
s <- data.frame(school = sprintf("S%02d", 1:24), town = rep(towns, each = 6))
s$arm <- unlist(lapply(1:4, function(i) sample(rep(c("control", "treatment"), 3))))
s$size <- sample(6:10, 24, replace = TRUE)
s$u <- rnorm(24, 0, 1.5)
p <- s[rep(seq_len(nrow(s)), s$size), ]
n <- nrow(p)
p$pupil <- sprintf("P%03d", seq_len(n))
p$sex <- sample(c("F", "M"), n, replace = TRUE)
p$x <- round(rnorm(n, 90, 4), 1)
complier <- rbinom(n, 1, 0.7)
always <- rbinom(n, 1, 0.15) * (1 - complier)
p$received <- ifelse(p$arm == "treatment", pmax(complier, always), always)
town_eff <- c(Reading = 0, Slough = 1, Woking = -1, Bracknell = 0.5)[p$town]
p$y <- round(20 + 0.7 * p$x + 2.5 * p$received + 1.5 * always + town_eff + p$u +
             (p$sex == "F") + rnorm(n, 0, 3), 1)
p$received[c(5, 61)] <- NA
p$y[90] <- NA
p$received1 <- p$received * (p$arm == "treatment")
d <- p[, c("pupil", "school", "town", "arm", "sex", "x", "received", "received1", "y")]
d$received <- as.character(d$received)
d$received[is.na(d$received)] <- "NA"
d$received[c(17, 140)] <- ""
d$received1[c(17, 140)] <- NA
d$y <- as.character(d$y)
d$y[is.na(d$y)] <- ""
write.csv(d, "testdata/analyse_cace/schools.csv", row.names = FALSE, quote = FALSE)

## analyse_cace/custody.csv: 90 people randomised within 3 custody suites;
## one-sided non-compliance (the control arm cannot receive the navigator),
## about 60% take-up under treatment; prior is a numeric covariate; two
## treatment arms (navigator, phone) to show the rows of two arms.
m <- 90
c2 <- data.frame(person = sprintf("C%03d", 1:m), suite = sample(c("Loddon", "Newbury", "Thames"), m, TRUE))
c2$arm <- sample(rep(c("control", "navigator", "phone"), 30))
c2$prior <- rpois(m, 2)
take <- rbinom(m, 1, 0.6)
c2$received <- ifelse(c2$arm == "control", 0, take)
c2$wellbeing <- round(50 + 4 * c2$received * (c2$arm == "navigator") + 2 * c2$received * (c2$arm == "phone") -
                      1.5 * c2$prior + 3 * take + rnorm(m, 0, 6), 1)
write.csv(c2, "testdata/analyse_cace/custody.csv", row.names = FALSE, quote = FALSE)

## analyse_cace/bad_received.csv, no_takeup.csv: errors.
b <- c2[1:12, c("person", "arm", "received", "wellbeing")]
b$received <- as.character(b$received)
b$received[7] <- "2"
write.csv(b, "testdata/analyse_cace/bad_received.csv", row.names = FALSE, quote = FALSE)
z <- c2[c2$arm != "phone", c("person", "arm", "received", "wellbeing")][1:16, ]
z$received <- ifelse(z$arm == "control", rbinom(16, 1, 0.3), 0)
write.csv(z, "testdata/analyse_cace/no_takeup.csv", row.names = FALSE, quote = FALSE)

## analyse_subgroup/subgroup.csv: 150 people in 30 wards (clusters,
## randomised whole, 10 per arm of control, navigator and phone) in 3
## sites (blocks); region (east, north, south) is the subgroup, with
## effects that differ by region; tiny has a level ("z") of two rows, both
## in one ward; y continuous, reoffended binary, crimes a count; x a
## covariate; 3 rows with region missing.
w <- data.frame(ward = sprintf("W%02d", 1:30), site = rep(c("A", "B", "C"), each = 10))
w$arm <- unlist(lapply(1:3, function(i) sample(rep(c("control", "navigator", "phone"), c(4, 3, 3)))))
w$u <- rnorm(30, 0, 1)
q <- w[rep(1:30, each = 5), ]
k <- nrow(q)
q$person <- sprintf("R%03d", 1:k)
q$region <- sample(c("north", "south", "east"), k, TRUE)
q$tiny <- sample(c("a", "b"), k, TRUE)
q$tiny[q$ward == "W07"][1:2] <- "z"
q$x <- round(rnorm(k, 10, 2), 2)
eff <- c(control = 0, navigator = 2, phone = 1)[q$arm] * c(north = 1.5, south = 0.2, east = 1)[q$region]
q$y <- round(5 + eff + 0.5 * q$x + q$u + c(A = 0, B = 1, C = -1)[q$site] + rnorm(k, 0, 2), 2)
q$reoffended <- rbinom(k, 1, plogis(-0.3 - 0.4 * eff))
q$crimes <- rnbinom(k, size = 2, mu = exp(0.8 - 0.2 * eff))
q$region[c(11, 77, 140)] <- NA
write.csv(q[, c("person", "ward", "site", "arm", "region", "tiny", "x", "y", "reoffended", "crimes")],
          "testdata/analyse_subgroup/subgroup.csv", row.names = FALSE, quote = FALSE, na = "NA")

## analyse_lee/lee.csv: 53 treated and 47 controls; y1 is missing for 5
## treated and 9 controls (the treatment arm is trimmed), y2 for 13 treated
## and 3 controls (the control arm is trimmed); outcomes rounded to whole
## numbers, so that there are ties at the trimming quantiles.
l <- data.frame(id = sprintf("L%03d", 1:100), arm = sample(rep(c("treatment", "control"), c(53, 47))))
l$y1 <- round(30 + 4 * (l$arm == "treatment") + rnorm(100, 0, 6))
l$y2 <- round(30 + 4 * (l$arm == "treatment") + rnorm(100, 0, 6))
tr <- which(l$arm == "treatment"); co <- which(l$arm == "control")
l$y1[c(sample(tr, 5), sample(co, 9))] <- NA
l$y2[c(sample(tr, 13), sample(co, 3))] <- NA
l$site <- sample(c("A", "B"), 100, TRUE)
write.csv(l, "testdata/analyse_lee/lee.csv", row.names = FALSE, quote = FALSE, na = "NA")

## models/iv.csv: the complete rows of schools.csv as numbers for the stats
## package's tests (testdata/r/iv.R): treat and received 0/1, received1 a
## one-sided take-up (0 under control), female 0/1.
v <- read.csv("testdata/analyse_cace/schools.csv", na.strings = c("NA", ""))
v <- v[complete.cases(v), ]
iv <- data.frame(y = v$y, treat = as.numeric(v$arm == "treatment"), received = v$received,
                 received1 = v$received1, x = v$x,
                 female = as.numeric(v$sex == "F"), town = v$town, school = v$school)
write.csv(iv, "testdata/models/iv.csv", row.names = FALSE, quote = FALSE)
