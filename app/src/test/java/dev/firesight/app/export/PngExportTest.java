package dev.firesight.app.export;

import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FrameColors;
import dev.firesight.app.flame.SyntheticTrees;
import dev.firesight.parser.query.CallTree;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class PngExportTest {
    private static final CallTree TREE = SyntheticTrees.of("main;a;x 30", "main;a;y 10", "main;b 40", "other 20");

    @Test
    void pngIsTheControlsPictureAtTheAskedWidthAndFitsAllRows() throws Exception {
        Path file = Files.createTempFile("flame", ".png");
        FlameView view = new FlameView(TREE, new int[0], null, false, ColorMode.KIND);
        PngExporter.write(view, 640, 0, file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(4 * 18, img.getHeight(), "four rows of 18 px");
        int root = img.getRGB(5, img.getHeight() - 5) & 0xffffff;
        assertEquals(FrameColors.ROOT, root, "the root is drawn along the bottom in its colour");
    }

    @Test
    void pngOfAZoomedIcicleKeepsTheZoom() throws Exception {
        int main = TREE.firstChild(CallTree.ROOT);
        int a = TREE.firstChild(main);
        FlameView view = new FlameView(TREE, TREE.pathIds(a), null, true, ColorMode.KIND);
        WritableImage[] img = new WritableImage[1];
        org.testfx.api.FxToolkit.setupFixture(() -> img[0] = PngExporter.render(view, dev.firesight.parser.query.FrameSearch.none(), 400, 0));
        assertEquals(4 * 18, (int) img[0].getHeight());
        Color rootPixel = img[0].getPixelReader().getColor(5, 5);
        assertEquals(FrameColors.ROOT, rgb(rootPixel), "icicle: root on top");
        StringWriter collapsed = new StringWriter();
        ExportFormat.COLLAPSED.write(view, collapsed);
        assertEquals("main;a;x 30\nmain;a;y 10\n", collapsed.toString(), "collapsed keeps only the zoomed stacks");
        assertTrue(true);
    }

    private static int rgb(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
