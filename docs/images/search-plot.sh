#!/bin/sh
# Renders docs/images/search.png from the output of a real search:
#   java -jar ato-sample-app/target/ato-sample-app.jar search | tee docs/images/search.txt
#   sh docs/images/search-plot.sh          (needs awk and gnuplot with the pngcairo terminal)
# The trial lines become search.csv (x, generation, epochs, val_acc, …; the last trial line is the final
# re-evaluation of the winner, drawn one step further) and gnuplot draws every trial and the best per generation.
set -eu
cd "$(dirname "$0")"
awk 'BEGIN { OFS = ","; print "x,generation,epochs,val_acc,lr,optimiser,minibatch" }
     $1 == "trial" && $3 == "generation" { row[n++] = $4 OFS $4 OFS $11 OFS $13 OFS $6 OFS $7 OFS $9 }
     END { for (i = 0; i < n; i++) { split(row[i], f, ",");
             if (i == n - 1) { f[1] = f[2] + 1; f[2] = "final" }
             print f[1], f[2], f[3], f[4], f[5], f[6], f[7] } }' search.txt > search.csv
gnuplot <<'GNUPLOT'
set terminal pngcairo size 960,560 font "DejaVu Sans,11"
set output "search.png"
set datafile separator ","
set title "HyperBand on the digits (lr x optimiser x minibatch size): every trial's validation accuracy" font ",13"
set xlabel "generation (epochs per trial)" offset 0,-0.6
set bmargin 5
set ylabel "validation accuracy"
set yrange [*:1.0]
set grid ytics
set key bottom right
set offsets 0.5, 0.5, 0, 0
set xtics ()
plot "search.csv" skip 1 using ($1 + (rand(0) - 0.5) * 0.3):4 with points pt 7 ps 1.1 lc rgb "#1f77b4" title "trial", \
     "search.csv" skip 1 using 1:4:xtic(sprintf("%s\n(%s ep)", strcol(2), strcol(3))) with points pt -1 notitle, \
     "< awk -F, 'NR > 1 && ($4 > best[$1] || !($1 in best)) { best[$1] = $4 } END { for (x in best) print x \",\" best[x] }' search.csv | sort -n" \
        using 1:2 with linespoints lw 2 pt 5 ps 1.2 lc rgb "#d62728" title "best of the generation"
GNUPLOT
