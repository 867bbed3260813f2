import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a generated CRD's printer columns in the order its custom resource class declares them.
 * The fabric8 generator sorts them by name (AGE first); kubectl users expect READY first and AGE
 * last, as `kubectl get deploy` shows. Run by the Maven build right after the generator:
 *   java -cp <classpath> CrdPrinterColumnOrder.java <crd.yml> <custom resource class>
 * Fails the build when the file does not hold exactly the declared columns.
 */
public class CrdPrinterColumnOrder {
  private static final Pattern NAME = Pattern.compile("^[\\s-]+name: \"?([^\"]+)\"?$");

  public static void main(String[] args) throws Exception {
    Path crd = Path.of(args[0]);
    List<String> declared = Arrays.stream(Class.forName(args[1]).getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name).toList();
    List<String> lines = Files.readAllLines(crd);
    List<String> out = new ArrayList<>();
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      out.add(lines.get(i));
      if (!lines.get(i).trim().matches("(- )?additionalPrinterColumns:")) {
        continue;
      }
      String itemStart = lines.get(i + 1).substring(0, lines.get(i + 1).indexOf('-') + 2);
      String continuation = " ".repeat(itemStart.length());
      List<List<String>> columns = new ArrayList<>();
      int j = i + 1;
      while (j < lines.size() && (lines.get(j).startsWith(itemStart) || lines.get(j).startsWith(continuation))) {
        if (lines.get(j).startsWith(itemStart)) {
          columns.add(new ArrayList<>());
        }
        columns.get(columns.size() - 1).add(lines.get(j));
        j++;
      }
      columns.sort(Comparator.comparingInt(column -> declared.indexOf(name(column, crd))));
      List<String> found = columns.stream().map(column -> name(column, crd)).toList();
      if (!found.equals(declared)) {
        throw new IllegalStateException(crd + " has printer columns " + found + ", " + args[1] + " declares " + declared);
      }
      columns.forEach(out::addAll);
      i = j - 1;
      blocks++;
    }
    if (blocks == 0 && !declared.isEmpty()) {
      throw new IllegalStateException(crd + " has no additionalPrinterColumns, " + args[1] + " declares " + declared);
    }
    Files.write(crd, out);
  }

  private static String name(List<String> column, Path crd) {
    return column.stream().map(NAME::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst()
        .orElseThrow(() -> new IllegalStateException(crd + ": a printer column without a name: " + column));
  }
}
