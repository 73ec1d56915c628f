package dev.ato.sample.training;

import dev.ato.AtoConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigitsDataTest {

    @TempDir
    Path dir;

    @Test
    void bundledDataHasEveryImageWithSixtyFourScaledPixelsAndItsDigit() {
        DigitsData data = DigitsData.bundled();

        assertThat(data.source()).isEqualTo("classpath:data/digits/digits.csv.gz");
        assertThat(data.examples()).hasSize(1797);
        Map<String, Integer> perDigit = new TreeMap<>();
        for (Example<Label> example : data.examples()) {
            assertThat(example.size()).isEqualTo(64);
            for (Feature feature : example) {
                assertThat(feature.getValue()).isBetween(0.0, 1.0);
            }
            perDigit.merge(example.getOutput().getLabel(), 1, Integer::sum);
        }
        // The UCI test set's class sizes.
        assertThat(perDigit).containsExactlyEntriesOf(new TreeMap<>(Map.of("0", 178, "1", 182, "2", 177,
                "3", 183, "4", 181, "5", 182, "6", 181, "7", 179, "8", 174, "9", 180)));
        // First row: 0,0,5,13,9,1,0,0, ... label 0; pixels are divided by 16.
        Example<Label> first = data.examples().get(0);
        assertThat(first.getOutput().getLabel()).isEqualTo("0");
        assertThat(first.lookup("pixel_0_2").getValue()).isEqualTo(5 / 16.0);
        assertThat(first.lookup("pixel_0_3").getValue()).isEqualTo(13 / 16.0);
    }

    @Test
    void readsTheSameImagesFromAGzippedOrAPlainFile() throws IOException {
        Path gzipped = dir.resolve("digits.csv.gz");
        try (InputStream in = DigitsData.class.getClassLoader().getResourceAsStream(DigitsData.BUNDLED)) {
            Files.copy(in, gzipped);
        }
        Path plain = dir.resolve("digits.csv");
        Files.writeString(plain, "0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,0,5,8,0,"
                + "0,9,8,0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0,0\n\n");

        DigitsData fromGzip = DigitsData.fromFile(gzipped);
        DigitsData fromPlain = DigitsData.fromFile(plain);

        assertThat(fromGzip.examples()).hasSize(1797);
        assertThat(fromGzip.source()).isEqualTo(gzipped.toString());
        assertThat(fromPlain.examples()).hasSize(1);
        assertThat(fromPlain.examples().get(0).lookup("pixel_0_3").getValue())
                .isEqualTo(fromGzip.examples().get(0).lookup("pixel_0_3").getValue());
    }

    @Test
    void aMissingFileIsOneErrorNamingItsPath() {
        Path missing = dir.resolve("nowhere/digits.csv.gz");

        assertThatThrownBy(() -> DigitsData.fromFile(missing))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage("digits data file not found: " + missing.toAbsolutePath()
                        + " (expected a CSV of 64 pixel columns 0..16 and a label 0..9, optionally gzipped)");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsNamedByFileAndLine() throws IOException {
        Path file = dir.resolve("short.csv");
        Files.writeString(file, "0,".repeat(64) + "3\n1,2,3\n");

        assertThatThrownBy(() -> DigitsData.fromFile(file))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage(file + ":2: expected 65 comma-separated integers (64 pixels 0..16, then the digit 0..9),"
                        + " found 3 values");
    }

    @Test
    void aPixelOutOfRangeOrALabelThatIsNotADigitIsNamed() throws IOException {
        Path pixel = dir.resolve("pixel.csv");
        Files.writeString(pixel, "0,17," + "0,".repeat(62) + "3\n");
        Path label = dir.resolve("label.csv");
        Files.writeString(label, "0,".repeat(64) + "x\n");

        assertThatThrownBy(() -> DigitsData.fromFile(pixel))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage(pixel + ":1: pixel 2 is '17', expected an integer 0..16");
        assertThatThrownBy(() -> DigitsData.fromFile(label))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage(label + ":1: label (column 65) is 'x', expected an integer 0..9");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n");

        assertThatThrownBy(() -> DigitsData.fromFile(empty))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage(empty + ": no images in the file; expected one CSV row per image");
    }
}
