package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    private final String html = HtmlReport.render(Runs.sample());

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList select(Document doc, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    }

    @Test
    void shouldBeWellFormedMarkupEvenWithMarkupCharactersInTheData() throws Exception {
        Document doc = parse(html);

        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(doc.getDocumentElement().getTextContent())
                .contains("36 acknowledged records missing in <topic> \"ingest\" & co", "25 <Temurin> & friends");
    }

    @Test
    void shouldDrawOneThroughputBarPerCellAndMarkTheFailedOne() throws Exception {
        Document doc = parse(html);

        assertThat(select(doc, "//rect[starts-with(@class, 'bar')]").getLength()).isEqualTo(3);
        assertThat(select(doc, "//rect[@class = 'bar failed']").getLength()).isEqualTo(1);
        assertThat(select(doc, "//line[@class = 'whisker']").getLength()).isEqualTo(3 * 3);
    }

    @Test
    void shouldDrawALatencyCurveAndATimelinePerCell() throws Exception {
        Document doc = parse(html);

        assertThat(select(doc, "//polyline[@class = 'curve']").getLength()).isEqualTo(3);
        assertThat(select(doc, "//polyline[@class = 'timeline']").getLength()).isEqualTo(3);
        assertThat(select(doc, "//polyline[@class = 'curve']").item(0).getAttributes().getNamedItem("points")
                .getNodeValue().split(" ")).hasSize(5);
    }

    @Test
    void shouldShowTheEnvironment() throws Exception {
        NodeList rows = select(parse(html), "//table[@class = 'kv']//th");

        assertThat(rows.getLength()).isEqualTo(3 + 2);
        assertThat(html).contains("<th>kernel</th><td>6.8.0-1015-gcp</td>");
    }

    @Test
    void shouldNeedNothingFromTheNetwork() throws Exception {
        Document doc = parse(html);

        assertThat(html).doesNotContain("http://", "https://", "//cdn", "@import", "url(");
        assertThat(select(doc, "//script | //link | //img | //iframe").getLength()).isZero();
        assertThat(select(doc, "//style").getLength()).isEqualTo(1);
    }

    @Test
    void shouldDrawNoBarForASkippedCellButSaySo() throws Exception {
        Document doc = parse(HtmlReport.render(Runs.withSkipped()));

        assertThat(select(doc, "//rect[starts-with(@class, 'bar')]").getLength()).isEqualTo(3);
        assertThat(select(doc, "//g[@class = 'cell']/text[. = 'skipped']").getLength()).isEqualTo(1);
        assertThat(select(doc, "//tr[@class = 'skipped']").getLength()).isEqualTo(2);
    }
}
