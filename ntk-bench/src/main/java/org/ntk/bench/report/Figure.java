package org.ntk.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An XY figure of a report: observations drawn as points, theory drawn as lines, on linear or
 * logarithmic axes, rendered headless to PNG through XChart.
 *
 * <p>House style, fixed here so every plot of the report reads the same: 800×520 pixels unless set,
 * white background, bold 18 pt title (smaller, down to 11 pt, if it would not fit), 15 pt axis titles, 13 pt tick labels and legend, points as
 * filled circles (7 px, or 4 px when a figure has more than 400 points), lines 2 px wide (theory
 * lines solid or dashed), observed series coloured blue/orange/green/…, theory lines red/black/…,
 * unless a series names a palette colour explicitly ({@code points(name, colour, x, y)} and the
 * like), which lets the observations and the theory of one quantity share a colour.
 * Both axis titles are required and should carry units where the quantity has any.
 *
 * <p>Data rules, checked by {@link Builder#build()}: each series has matching x and y lengths ≥ 1,
 * all values finite, all values &gt; 0 on a logarithmic axis (filter before plotting: a figure
 * never drops data silently), series names unique and non-blank.
 *
 * <p>Immutable and thread-safe; rendering sets {@code java.awt.headless=true} if the property is
 * unset, so it never needs a display.
 */
public final class Figure {

    /** Where the legend goes. */
    public enum Legend { INSIDE_NE, INSIDE_NW, INSIDE_SE, INSIDE_SW, OUTSIDE_E, OUTSIDE_S }

    /** How a series is drawn: observations as points, theory as lines. */
    public enum Style { POINTS, LINE, DASHED_LINE }

    /** The colour index meaning "next colour of the series' kind" (points and lines count separately). */
    public static final int AUTOMATIC_COLOUR = -1;

    /** Default width in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** Default height in pixels. */
    public static final int DEFAULT_HEIGHT = 520;

    private static final Color[] POINT_COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22)};
    private static final Color[] LINE_COLORS = {
        new Color(0xd62728), new Color(0x222222), new Color(0x7f7f7f), new Color(0x9467bd),
        new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x1f77b4), new Color(0x8c564b)};

    /**
     * One series: x and y values and how to draw them. The arrays are copied in and out.
     *
     * @param name legend label
     * @param style points (observations) or lines (theory)
     * @param x abscissae
     * @param y ordinates, same length as x
     * @param colour {@link #AUTOMATIC_COLOUR}, or an index into the shared palette (cycled) so that
     *     observations and the theory lines of the same quantity share one colour
     */
    public record Series(String name, Style style, double[] x, double[] y, int colour) {
        /**
         * Copies the arrays and checks the colour.
         *
         * @throws IllegalArgumentException if colour &lt; −1
         */
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            if (colour < AUTOMATIC_COLOUR) {
                throw new IllegalArgumentException("colour must be >= -1, got " + colour);
            }
            x = x.clone();
            y = y.clone();
        }

        /** A series coloured automatically ({@link #AUTOMATIC_COLOUR}). */
        public Series(String name, Style style, double[] x, double[] y) {
            this(name, style, x, y, AUTOMATIC_COLOUR);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        int size() {
            return x.length;
        }
    }

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean logX;
    private final boolean logY;
    private final int width;
    private final int height;
    private final Legend legend;
    private final List<Series> series;

    private Figure(Builder b, List<Series> series) {
        this.title = b.title;
        this.xTitle = b.xTitle;
        this.yTitle = b.yTitle;
        this.logX = b.logX;
        this.logY = b.logY;
        this.width = b.width;
        this.height = b.height;
        this.legend = b.legend;
        this.series = List.copyOf(series);
    }

    /** A new builder for a figure with the given title. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    public String title() {
        return title;
    }

    public String xTitle() {
        return xTitle;
    }

    public String yTitle() {
        return yTitle;
    }

    public boolean logX() {
        return logX;
    }

    public boolean logY() {
        return logY;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The series in drawing order (lines resolved to their final coordinates). */
    public List<Series> series() {
        return series;
    }

    /** A fresh XChart chart of this figure (for callers that want to tweak or display it). */
    public XYChart toChart() {
        ensureHeadless();
        XYChart c = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(new Color(0x888888));
        st.setPlotGridLinesColor(new Color(0xdddddd));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(titleFont(title, width));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendBorderColor(new Color(0xaaaaaa));
        st.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        st.setLegendPosition(position(legend));
        st.setXAxisLogarithmic(logX);
        st.setYAxisLogarithmic(logY);
        st.setChartPadding(12);
        int points = 0;
        for (Series s : series) {
            if (s.style() == Style.POINTS) {
                points += s.size();
            }
        }
        st.setMarkerSize(points > 400 ? 4 : 7);
        int pi = 0;
        int li = 0;
        for (Series s : series) {
            XYSeries xs = c.addSeries(s.name(), s.x(), s.y());
            if (s.style() == Style.POINTS) {
                Color col = s.colour() >= 0 ? POINT_COLORS[s.colour() % POINT_COLORS.length]
                        : POINT_COLORS[pi++ % POINT_COLORS.length];
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                xs.setMarker(SeriesMarkers.CIRCLE);
                xs.setMarkerColor(col);
            } else {
                Color col = s.colour() >= 0 ? POINT_COLORS[s.colour() % POINT_COLORS.length]
                        : LINE_COLORS[li++ % LINE_COLORS.length];
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.NONE);
                xs.setLineColor(col);
                xs.setLineWidth(2f);
                xs.setLineStyle(s.style() == Style.LINE
                        ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                        : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                                new float[] {8f, 6f}, 0f));
            }
        }
        return c;
    }

    /** Renders the figure to an image of {@link #width()}×{@link #height()} pixels. */
    public BufferedImage toImage() {
        return BitmapEncoder.getBufferedImage(toChart());
    }

    /** Renders the figure as PNG bytes. */
    public byte[] toPng() {
        try {
            return BitmapEncoder.getBitmapBytes(toChart(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode figure \"" + title + "\" as PNG", e);
        }
    }

    /**
     * The bold title font: 18 pt, or smaller (down to 11 pt) when the title would not fit the image
     * width with a margin.
     */
    static Font titleFont(String title, int width) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            for (int size = 18; size > 11; size--) {
                Font f = new Font(Font.SANS_SERIF, Font.BOLD, size);
                if (g.getFontMetrics(f).stringWidth(title) <= width - 40) {
                    return f;
                }
            }
            return new Font(Font.SANS_SERIF, Font.BOLD, 11);
        } finally {
            g.dispose();
        }
    }

    private static Styler.LegendPosition position(Legend l) {
        switch (l) {
            case INSIDE_NW:
                return Styler.LegendPosition.InsideNW;
            case INSIDE_SE:
                return Styler.LegendPosition.InsideSE;
            case INSIDE_SW:
                return Styler.LegendPosition.InsideSW;
            case OUTSIDE_E:
                return Styler.LegendPosition.OutsideE;
            case OUTSIDE_S:
                return Styler.LegendPosition.OutsideS;
            default:
                return Styler.LegendPosition.InsideNE;
        }
    }

    private static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Builds a {@link Figure}. Not thread-safe. */
    public static final class Builder {
        private final String title;
        private String xTitle;
        private String yTitle;
        private boolean logX;
        private boolean logY;
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private Legend legend = Legend.INSIDE_NE;
        private final List<Pending> pending = new ArrayList<>();

        /** A series whose coordinates may depend on the others (horizontal and identity lines). */
        private record Pending(Series fixed, String name, Style style, double level, boolean identity) {
        }

        private Builder(String title) {
            this.title = oneLine(title, "title");
        }

        /** The x-axis title, with units where the quantity has any, e.g. "index k (1 = largest)". */
        public Builder xAxis(String axisTitle) {
            this.xTitle = oneLine(axisTitle, "axisTitle");
            return this;
        }

        /** The y-axis title, with units where the quantity has any. */
        public Builder yAxis(String axisTitle) {
            this.yTitle = oneLine(axisTitle, "axisTitle");
            return this;
        }

        /** Makes the x axis logarithmic (all x values must then be &gt; 0). */
        public Builder logX() {
            this.logX = true;
            return this;
        }

        /** Makes the y axis logarithmic (all y values must then be &gt; 0). */
        public Builder logY() {
            this.logY = true;
            return this;
        }

        /** Sets the image size in pixels, each in [200, 4000]. */
        public Builder size(int widthPixels, int heightPixels) {
            if (!(widthPixels >= 200 && widthPixels <= 4000)) {
                throw new IllegalArgumentException("widthPixels must be in [200, 4000], got "
                        + widthPixels);
            }
            if (!(heightPixels >= 200 && heightPixels <= 4000)) {
                throw new IllegalArgumentException("heightPixels must be in [200, 4000], got "
                        + heightPixels);
            }
            this.width = widthPixels;
            this.height = heightPixels;
            return this;
        }

        /** Places the legend (default inside, top right). */
        public Builder legend(Legend position) {
            this.legend = Objects.requireNonNull(position, "position");
            return this;
        }

        /** Adds observations drawn as points. Arrays are copied. */
        public Builder points(String name, double[] x, double[] y) {
            return add(new Series(oneLine(name, "name"), Style.POINTS, x, y));
        }

        /** Adds a theory curve drawn as a solid line through (x[i], y[i]). Arrays are copied. */
        public Builder line(String name, double[] x, double[] y) {
            return add(new Series(oneLine(name, "name"), Style.LINE, x, y));
        }

        /** Adds a theory curve drawn as a dashed line. Arrays are copied. */
        public Builder dashedLine(String name, double[] x, double[] y) {
            return add(new Series(oneLine(name, "name"), Style.DASHED_LINE, x, y));
        }

        /**
         * Adds observations drawn as points in palette colour {@code colour} (≥ 0), the same colour
         * as lines added with that index. Arrays are copied.
         *
         * @throws IllegalArgumentException if colour &lt; 0
         */
        public Builder points(String name, int colour, double[] x, double[] y) {
            return add(new Series(oneLine(name, "name"), Style.POINTS, x, y, explicit(colour)));
        }

        /** Adds a solid theory line in palette colour {@code colour} (≥ 0). Arrays are copied. */
        public Builder line(String name, int colour, double[] x, double[] y) {
            return add(new Series(oneLine(name, "name"), Style.LINE, x, y, explicit(colour)));
        }

        /** Adds a dashed theory line in palette colour {@code colour} (≥ 0). Arrays are copied. */
        public Builder dashedLine(String name, int colour, double[] x, double[] y) {
            return add(new Series(oneLine(name, "name"), Style.DASHED_LINE, x, y, explicit(colour)));
        }

        private static int explicit(int colour) {
            if (colour < 0) {
                throw new IllegalArgumentException("colour must be >= 0, got " + colour);
            }
            return colour;
        }

        /**
         * Adds the horizontal line y = {@code level} across the x range of the other series (a
         * theory value such as an eigenvalue limit), solid or dashed.
         */
        public Builder horizontalLine(String name, double level, boolean dashed) {
            pending.add(new Pending(null, oneLine(name, "name"),
                    dashed ? Style.DASHED_LINE : Style.LINE, level, false));
            return this;
        }

        /** Adds the line y = x across the combined x and y range of the other series. */
        public Builder identityLine(String name) {
            pending.add(new Pending(null, oneLine(name, "name"), Style.LINE, 0, true));
            return this;
        }

        private Builder add(Series s) {
            pending.add(new Pending(s, null, null, 0, false));
            return this;
        }

        /**
         * The figure.
         *
         * @throws IllegalArgumentException if an axis title is missing, there is no series with data,
         *     lengths differ, a value is not finite or not positive on a log axis, or names repeat
         */
        public Figure build() {
            if (xTitle == null) {
                throw new IllegalArgumentException("xAxis must be set (with units), got none");
            }
            if (yTitle == null) {
                throw new IllegalArgumentException("yAxis must be set (with units), got none");
            }
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minXy = Double.POSITIVE_INFINITY;
            double maxXy = Double.NEGATIVE_INFINITY;
            for (Pending p : pending) {
                if (p.fixed == null) {
                    continue;
                }
                Series s = p.fixed;
                check(s);
                for (int i = 0; i < s.size(); i++) {
                    minX = Math.min(minX, s.x[i]);
                    maxX = Math.max(maxX, s.x[i]);
                    minXy = Math.min(minXy, Math.min(s.x[i], s.y[i]));
                    maxXy = Math.max(maxXy, Math.max(s.x[i], s.y[i]));
                }
            }
            if (minX == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        "series must include at least one points or line series with data, got none");
            }
            List<Series> out = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Pending p : pending) {
                Series s;
                if (p.fixed != null) {
                    s = p.fixed;
                } else if (p.identity) {
                    s = new Series(p.name, p.style, new double[] {minXy, maxXy},
                            new double[] {minXy, maxXy});
                    check(s);
                } else {
                    s = new Series(p.name, p.style, new double[] {minX, maxX},
                            new double[] {p.level, p.level});
                    check(s);
                }
                if (!names.add(s.name())) {
                    throw new IllegalArgumentException("name must be unique, got \"" + s.name()
                            + "\" twice");
                }
                out.add(s);
            }
            return new Figure(this, out);
        }

        private void check(Series s) {
            if (s.size() == 0 || s.x.length != s.y.length) {
                throw new IllegalArgumentException("series \"" + s.name() + "\" has " + s.x.length
                        + " x values and " + s.y.length + " y values, expected equal and >= 1");
            }
            for (int i = 0; i < s.size(); i++) {
                checkValue(s, "x", i, s.x[i], logX);
                checkValue(s, "y", i, s.y[i], logY);
            }
        }

        private static void checkValue(Series s, String axis, int i, double v, boolean log) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("series \"" + s.name() + "\" " + axis + "[" + i
                        + "] must be finite, got " + v);
            }
            if (log && !(v > 0)) {
                throw new IllegalArgumentException("series \"" + s.name() + "\" " + axis + "[" + i
                        + "] must be > 0 on a logarithmic axis, got " + v);
            }
        }

        private static String oneLine(String s, String name) {
            Objects.requireNonNull(s, name);
            if (s.isBlank() || s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException(name + " must be one non-blank line, got \"" + s
                        + "\"");
            }
            return s.strip();
        }
    }
}
