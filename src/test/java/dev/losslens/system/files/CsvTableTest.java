package dev.losslens.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void everyLineEndsInCrlfAndTheHeaderIsARowLikeAnyOther() {
        assertThat(new CsvTable(List.of("lane", "label")).row(0, "scratch").row(1, null).text())
                .isEqualTo("lane,label\r\n0,scratch\r\n1,\r\n");
    }

    @Test
    void aCellIsQuotedOnlyWhenItHoldsACommaAQuoteOrALineBreak() {
        assertThat(CsvTable.cell("plain words")).isEqualTo("plain words");
        assertThat(CsvTable.cell("Instruction objective, from scratch"))
                .isEqualTo("\"Instruction objective, from scratch\"");
        assertThat(CsvTable.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvTable.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvTable.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(List.of("=1+1", "+1", "-cmd", "@SUM(A1)", "\tx", "\rx").stream().map(CsvTable::cell))
                .containsExactly("'=1+1", "'+1", "'-cmd", "'@SUM(A1)", "'\tx", "\"'\rx\"");
        assertThat(CsvTable.cell("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(CsvTable.cell("a=b")).as("only a leading formula character counts").isEqualTo("a=b");
    }

    @Test
    void numbersStayNumbersEvenWhenNegative() {
        assertThat(new CsvTable(List.of("x")).row(-0.25).row(-3).row(1.5e-7).row("-0.5").row(-1e-9).text())
                .isEqualTo("x\r\n-0.25\r\n-3\r\n1.5E-7\r\n-0.5\r\n-1.0E-9\r\n");
        assertThat(CsvTable.cell(Double.NEGATIVE_INFINITY)).isEqualTo("'-Infinity");
    }

    @Test
    void unicodePassesThroughUnchanged() {
        assertThat(CsvTable.cell("λ = 0.1–0.2 · é · 日本 · 🙂")).isEqualTo("λ = 0.1–0.2 · é · 日本 · 🙂");
        assertThat(CsvTable.cell("«λ», ü")).isEqualTo("\"«λ», ü\"");
    }
}
