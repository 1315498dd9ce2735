package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowTest {

  private final Row row =
      Row.of(
          List.of("Channel_name", "Seconds_Behind_Master", "Relay_Log_Space", "Auto_Position"),
          Arrays.asList("", null, "1858", "ON"));

  @Test
  void looksColumnsUpWhateverTheirCase() {
    assertThat(row.has("Channel_Name")).isTrue();
    assertThat(row.text("CHANNEL_NAME")).contains("");
    assertThat(row.nonEmptyText("Channel_Name")).isEmpty();
  }

  @Test
  void takesTheFirstColumnTheRowHas() {
    assertThat(row.integer("Relay_Log_Space_New", "Relay_Log_Space")).hasValue(1858);
  }

  @Test
  void nullAndMissingAreEmptyNotZero() {
    assertThat(row.integer("Seconds_Behind_Source", "Seconds_Behind_Master")).isEmpty();
    assertThat(row.integer("No_Such_Column")).isEmpty();
    assertThat(row.bool("No_Such_Column")).isEmpty();
  }

  @Test
  void readsServerBooleans() {
    assertThat(row.bool("Auto_Position")).contains(true);
  }

  @Test
  void aNonNumberIsAnErrorNamingColumnAndValue() {
    Row bad = Row.of(List.of("Read_Master_Log_Pos"), List.of("12a"));

    assertThatThrownBy(() -> bad.integer("Read_Master_Log_Pos"))
        .isInstanceOf(UnexpectedValueException.class)
        .hasMessage("column Read_Master_Log_Pos: '12a' is not an integer");
  }
}
