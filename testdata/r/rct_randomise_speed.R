# R baseline for the speed of `evalkit randomise` on a 1e6-row CSV
# (randomizr is not installable here): read with data.table::fread, complete
# randomisation 1:1 within each area in base R, write with fwrite.
# R 4.2.2, data.table. Usage: Rscript testdata/r/rct_randomise_speed.R IN OUT
# with IN made by: go run ./testdata/rct/bigcsv > /tmp/big.csv
library(data.table)
args <- commandArgs(trailingOnly = TRUE)
d <- fread(args[1], colClasses = "character")
set.seed(20230401)
arms <- c("control", "treatment")
d$arm <- arms[ave(seq_len(nrow(d)), d$area,
                  FUN = function(i) sample(rep_len(1:2, length(i))))]
fwrite(d, args[2])
