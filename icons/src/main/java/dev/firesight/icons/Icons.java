package dev.firesight.icons;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the icon PNGs sit in this jar. Made by {@code icons/generate.sh} from the source drawings in
 * {@code icons/src/main/svg/}; this class only names them, so that the app needs no path strings.
 */
public final class Icons {
    /** Every pixel size shipped for both icons, smallest first. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512, 1024);

    private Icons() {
    }

    /** The application icon at one of {@link #SIZES}. */
    public static URL appIcon(int size) {
        return resource("firesight", size);
    }

    /** The .jfr document icon at one of {@link #SIZES}. */
    public static URL recordingIcon(int size) {
        return resource("firesight-jfr", size);
    }

    /**
     * The application icon at the sizes a window manager picks from for title bars, task switchers
     * and docks (16 to 256); the 512 and 1024 pixel ones are left out to keep window start-up cheap.
     */
    public static List<URL> windowIcons() {
        List<URL> urls = new ArrayList<>();
        for (int size : SIZES) {
            if (size <= 256) {
                urls.add(appIcon(size));
            }
        }
        return urls;
    }

    private static URL resource(String name, int size) {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("no " + size + " px icon; sizes are " + SIZES);
        }
        URL url = Icons.class.getResource(name + "-" + size + ".png");
        if (url == null) {
            throw new IllegalStateException("icon " + name + "-" + size + ".png is missing from the icons jar");
        }
        return url;
    }
}
