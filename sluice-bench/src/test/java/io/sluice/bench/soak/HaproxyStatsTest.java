package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HaproxyStatsTest {
    /** The first columns of HAProxy 2.6's 'show stat', cut after hrsp_5xx; a frontend, two servers, the backend. */
    private static final String SHOW_STAT = """
            # pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,\
            weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,\
            rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,
            sluice,FRONTEND,,,1,64,4096,70,1,2,0,0,0,,,,,OPEN,,,,,,,,,1,2,0,,,,0,1,0,100,,,,0,12000,0,0,0,
            gateways,gw1,0,0,0,20,,4000,1,2,,0,,1,0,2,1,UP,1,1,0,3,2,5,1,,1,3,1,,4000,,2,0,,30,L7OK,200,1,0,3998,0,0,3,
            gateways,gw2,0,0,0,20,,4000,1,2,,0,,0,0,1,0,UP,1,1,0,1,1,5,1,,1,3,2,,4000,,2,0,,30,L7OK,200,1,0,4000,0,0,1,
            gateways,BACKEND,0,0,0,40,410,8000,1,2,0,0,,1,0,3,1,UP,2,2,0,,0,5,0,,1,3,0,,8000,,1,0,,60,,,,0,7998,0,0,0,
            """;

    @Test
    void shouldReadTheBackendsRetriesAndSumItsGatewaysDownTransitionsAnd5xxThoughNoneReachedAClient() {
        Map<String, Long> figures = HaproxyStats.parse(SHOW_STAT, "gateways");

        assertThat(figures).containsExactly(Map.entry("retries", 3L), Map.entry("redispatches", 1L),
                Map.entry("connect errors", 1L), Map.entry("response errors", 0L),
                Map.entry("gateway DOWN transitions", 3L), Map.entry("5xx answered by gateways", 4L));
    }

    @Test
    void shouldRefuseAnAnswerThatIsNotAStatsTableOrLacksTheBackend() {
        assertThatThrownBy(() -> HaproxyStats.parse("Unknown command\n", "gateways"))
                .hasMessageContaining("not a HAProxy 'show stat' answer");
        assertThatThrownBy(() -> HaproxyStats.parse(SHOW_STAT, "other")).hasMessageContaining("no BACKEND row");
    }
}
