package org.disclosurehub.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Amounts in 万元 travel as decimal strings ("12.5") so that no client rounds them through a binary
 * float. Reports print them to the fen: one fen is 0.000001 万元, so six decimals are meaningful
 * ("24252.311082"); they are kept as {@link BigDecimal} and PostgreSQL {@code numeric} everywhere.
 */
public final class Amounts {
  public static final int MAX_DECIMALS = 6;
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

  private Amounts() {}

  /** The canonical text: no exponent, no trailing zeros ("12.50" is "12.5", "0.00" is "0"). */
  public static String format(BigDecimal amount) {
    return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
  }

  public static final class Serializer extends JsonSerializer<BigDecimal> {
    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(format(value));
    }
  }

  public static final class Deserializer extends JsonDeserializer<BigDecimal> {
    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (BigDecimal)
            ctxt.handleUnexpectedToken(
                BigDecimal.class,
                p.currentToken(),
                p,
                "an amount is a decimal string such as \"12.5\"");
      }
      String text = p.getText().trim();
      if (!DECIMAL.matcher(text).matches()) {
        return (BigDecimal)
            ctxt.handleWeirdStringValue(
                BigDecimal.class, text, "not a decimal number such as \"12.5\"");
      }
      BigDecimal amount = new BigDecimal(text);
      if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
        return (BigDecimal)
            ctxt.handleWeirdStringValue(
                BigDecimal.class,
                text,
                "at most " + MAX_DECIMALS + " decimal places (万元, to the fen)");
      }
      return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }
  }
}
