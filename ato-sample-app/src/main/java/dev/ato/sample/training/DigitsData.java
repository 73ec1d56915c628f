package dev.ato.sample.training;

import dev.ato.AtoConfigException;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The handwritten digits: one example per 8×8 image, its 64 pixels (0..16 in the file) scaled to [0, 1] as
 * features {@code pixel_<row>_<column>}, labelled with its digit. Read from a CSV without a header row (64 pixel
 * columns, then the label), plain or gzipped. The copy bundled with the app is the UCI data set (CC BY 4.0, see
 * {@code data/digits/NOTICE}).
 *
 * @param examples the images in file order
 * @param source   where they were read from, for messages
 */
public record DigitsData(List<Example<Label>> examples, String source) {

    /** Classpath location of the bundled data set. */
    public static final String BUNDLED = "data/digits/digits.csv.gz";

    private static final int SIDE = 8;
    private static final int PIXELS = SIDE * SIDE;
    private static final int MAX_PIXEL = 16;
    private static final String[] FEATURE_NAMES = featureNames();

    public DigitsData {
        examples = List.copyOf(examples);
    }

    /** The data set shipped in the app's resources. */
    public static DigitsData bundled() {
        InputStream in = DigitsData.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new AtoConfigException("digits data not found on the classpath at " + BUNDLED
                    + "; rebuild the app or pass a file path to the data");
        }
        return read(in, "classpath:" + BUNDLED);
    }

    /** A digits CSV (optionally gzipped) at {@code file}. */
    public static DigitsData fromFile(Path file) {
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new AtoConfigException("digits data file not found: " + file.toAbsolutePath()
                    + " (expected a CSV of 64 pixel columns 0..16 and a label 0..9, optionally gzipped)", e);
        } catch (IOException e) {
            throw new AtoConfigException("cannot read digits data file " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    private static DigitsData read(InputStream raw, String source) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(decompressed(raw), StandardCharsets.UTF_8))) {
            List<Example<Label>> examples = new ArrayList<>();
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    examples.add(parse(line, source, lineNumber));
                }
            }
            if (examples.isEmpty()) {
                throw new AtoConfigException(source + ": no images in the file; expected one CSV row per image");
            }
            return new DigitsData(examples, source);
        } catch (IOException e) {
            throw new AtoConfigException("cannot read digits data " + source + ": " + e, e);
        }
    }

    /** Gzip is recognised by its magic number, so a file may be named either way. */
    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in) : in;
    }

    private static Example<Label> parse(String line, String source, int lineNumber) {
        String[] cells = line.split(",", -1);
        if (cells.length != PIXELS + 1) {
            throw new AtoConfigException(source + ":" + lineNumber + ": expected " + (PIXELS + 1)
                    + " comma-separated integers (64 pixels 0.." + MAX_PIXEL + ", then the digit 0..9), found "
                    + cells.length + " values");
        }
        double[] values = new double[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            values[i] = integer(cells[i], 0, MAX_PIXEL, "pixel " + (i + 1), source, lineNumber) / (double) MAX_PIXEL;
        }
        int digit = integer(cells[PIXELS], 0, 9, "label (column 65)", source, lineNumber);
        return new ArrayExample<>(new Label(Integer.toString(digit)), FEATURE_NAMES, values);
    }

    private static int integer(String cell, int min, int max, String what, String source, int lineNumber) {
        int value;
        try {
            value = Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            value = Integer.MIN_VALUE;
        }
        if (value < min || value > max) {
            throw new AtoConfigException(source + ":" + lineNumber + ": " + what + " is '" + cell
                    + "', expected an integer " + min + ".." + max);
        }
        return value;
    }

    private static String[] featureNames() {
        String[] names = new String[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            names[i] = "pixel_" + (i / SIDE) + "_" + (i % SIDE);
        }
        return names;
    }
}
