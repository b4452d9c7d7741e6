package dev.firesight.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class IconsTest {
    @Test
    void everySizeOfBothIconsIsAPngOfThatSize() throws IOException {
        for (int size : Icons.SIZES) {
            assertPng(Icons.appIcon(size), size);
            assertPng(Icons.recordingIcon(size), size);
        }
    }

    @Test
    void appIconIsTransparentOutsideItsTileAndWarmInTheMiddle() throws IOException {
        BufferedImage image = read(Icons.appIcon(256));
        assertEquals(0, image.getRGB(0, 0) >>> 24, "corner alpha");
        int flame = image.getRGB(128, 218);
        int red = (flame >> 16) & 0xff;
        int blue = flame & 0xff;
        assertTrue(red > 180 && blue < 80, "flame pixel is warm: " + Integer.toHexString(flame));
    }

    @Test
    void windowIconsStopAt256Pixels() {
        assertEquals(7, Icons.windowIcons().size());
    }

    @Test
    void anUnknownSizeIsRefusedWithTheSizesThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Icons.appIcon(20));
        assertTrue(e.getMessage().startsWith("no 20 px icon; sizes are [16, 24"), e.getMessage());
    }

    @Test
    void platformIconsHaveTheirFormatsMagic() throws IOException {
        for (String name : new String[] {"firesight", "firesight-jfr"}) {
            ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(Path.of("platform", name + ".ico")))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            assertEquals(0, ico.getShort(0), name + ".ico reserved");
            assertEquals(1, ico.getShort(2), name + ".ico type");
            assertEquals(7, ico.getShort(4), name + ".ico image count");

            byte[] icns = Files.readAllBytes(Path.of("platform", name + ".icns"));
            assertEquals("icns", new String(icns, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(icns.length, ByteBuffer.wrap(icns).getInt(4), name + ".icns length");
        }
    }

    private static void assertPng(URL url, int size) throws IOException {
        BufferedImage image = read(url);
        assertEquals(size, image.getWidth(), url + " width");
        assertEquals(size, image.getHeight(), url + " height");
    }

    private static BufferedImage read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            BufferedImage image = ImageIO.read(in);
            assertTrue(image != null, url + " is not a readable PNG");
            return image;
        }
    }
}
