package io.newshound.enrich.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newshound.events.SourceType;
import io.newshound.events.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each sentence here was written for this test; outlets and people are partly fictional. */
class ClaimExtractorTest {
    final ClaimExtractor extractor = new ClaimExtractor();

    ExtractedClaim only(String text) {
        List<ExtractedClaim> claims = extractor.extract(text);
        assertThat(claims).hasSize(1);
        return claims.get(0);
    }

    @Test
    void shouldFindAnOutletReportingWithTheClaimFirst() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe envoys will carry a revised map to Moscow, Reuters reports.");

        assertThat(c.source()).isEqualTo("Reuters");
        assertThat(c.sourceType()).isEqualTo(SourceType.OUTLET);
        assertThat(c.cue()).isEqualTo("reports");
        assertThat(c.content()).isEqualTo("The envoys will carry a revised map to Moscow");
    }

    @Test
    void shouldRecordTheOutletRelayingACitedAnonymousSource() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe draft was shown to Kyiv first, Bloomberg reports, citing people familiar with the matter.");

        assertThat(c)
                .extracting(
                        ExtractedClaim::source,
                        ExtractedClaim::sourceType,
                        ExtractedClaim::relayedBy)
                .containsExactly(
                        "people familiar with the matter", SourceType.ANONYMOUS, "Bloomberg");
    }

    @Test
    void shouldTakeInAQuotationRunningOverSeveralSentences() {
        ExtractedClaim c =
                only(
                        "Title line\n\n“The first round went better than we feared. The second"
                                + " will be harder,” Deputy Minister Olena Marchuk said at a"
                                + " briefing in Kyiv.");

        assertThat(c.source()).isEqualTo("Deputy Minister Olena Marchuk");
        assertThat(c.content())
                .isEqualTo("The first round went better than we feared. The second will be harder");
        assertThat(c.quote()).isTrue();
    }

    @Test
    void shouldTakeInAQuotationThatGoesOnAfterItsSource() {
        String text =
                "Title line\n\n“We have a draft on the table,” said Ms. Hale, a mediator."
                        + " “Nobody has signed it yet.”\n\nThe talks resume on Monday.";
        ExtractedClaim c = only(text);

        assertThat(c.source()).isEqualTo("Ms. Hale");
        assertThat(c.content()).isEqualTo("We have a draft on the table. Nobody has signed it yet");
        // The span runs over the attribution between the two parts.
        assertThat(text.substring(c.contentSpan().start(), c.contentSpan().end()))
                .isEqualTo(
                        "We have a draft on the table,” said Ms. Hale, a mediator. “Nobody has"
                                + " signed it yet");
    }

    @Test
    void shouldTakeInAQuotationOfWholeSentencesThoughTheParagraphGoesOn() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\n“The map is not final,” said Ms. Hale. “Both sides"
                                + " still want changes in the east.” Hale added that the next"
                                + " round would be in Geneva.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::content)
                .containsExactly(
                        tuple(
                                "Ms. Hale",
                                "The map is not final. Both sides still want changes in the east"),
                        tuple("Hale", "the next round would be in Geneva"));
    }

    @Test
    void shouldReadTwoApostrophesAsQuotationMarks() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\n''We are closer than we were in March,'' Mr. Umerov said."
                                + " ''But the east is still open.''\n\n''Nothing is agreed,''"
                                + " said Ms. Hale.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::content)
                .containsExactly(
                        tuple(
                                "Mr. Umerov",
                                "We are closer than we were in March. But the east is still open"),
                        tuple("Ms. Hale", "Nothing is agreed"));
    }

    @Test
    void shouldSkipAnAppositiveBetweenSourceAndVerb() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\n“The text is thinner than the last one,” Anna Berg, a"
                                + " former negotiator, said at a briefing in Vienna.\n\nPetro"
                                + " Kovalenko, 52, a farmer from near Kramatorsk, said the front"
                                + " had not moved in months.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::content)
                .containsExactly(
                        tuple("Anna Berg", "The text is thinner than the last one"),
                        tuple("Petro Kovalenko", "the front had not moved in months"));
    }

    @Test
    void shouldTakeTheClaimAfterTheVerbWhenALeadClauseComesFirst() {
        ExtractedClaim c =
                only(
                        "Title line\n\nSpeaking in Kyiv on Tuesday, the foreign minister said the"
                                + " plan would need changes before any signature.");

        assertThat(c.source()).isEqualTo("the foreign minister");
        assertThat(c.content()).isEqualTo("the plan would need changes before any signature");
    }

    @Test
    void shouldReadTheSourceInsideTheClaim() {
        String text =
                "Title line\n\nThe main obstacle, the diplomat said, is the line of control in"
                        + " the east.";
        ExtractedClaim c = only(text);

        assertThat(c.source()).isEqualTo("the diplomat");
        assertThat(c.content()).isEqualTo("The main obstacle is the line of control in the east");
        assertThat(text.substring(c.contentSpan().start(), c.contentSpan().end()))
                .isEqualTo(
                        "The main obstacle, the diplomat said, is the line of control in the east");
    }

    @Test
    void shouldSkipWhomAndWhereBeforeThat() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe envoy told reporters in Geneva on Friday that a second"
                                + " draft was being written.");

        assertThat(c.source()).isEqualTo("The envoy");
        assertThat(c.content()).isEqualTo("a second draft was being written");
    }

    @Test
    void shouldFindASecondClaimAfterAParticiple() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nThe Kremlin said the talks had been useful, adding that"
                                + " no date had been set for the next round.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        tuple("Kremlin", "said", "the talks had been useful"),
                        tuple("Kremlin", "adding", "no date had been set for the next round"));
    }

    @Test
    void shouldJoinAQuotationThatResumesAfterItsSource() {
        ExtractedClaim c =
                only(
                        "Title line\n\n“We will not give up the east,” he said, “and nobody in"
                                + " Kyiv has asked us to.”");

        assertThat(c.content())
                .isEqualTo("We will not give up the east and nobody in Kyiv has asked us to");
    }

    @Test
    void shouldFindAnOfficialSpeakingFirst() {
        ExtractedClaim c =
                only(
                        "Title line\n\nForeign Minister Andrii Sybiha told reporters on Friday that Kyiv would not cede territory.");

        assertThat(c.source()).isEqualTo("Foreign Minister Andrii Sybiha");
        assertThat(c.sourceType()).isEqualTo(SourceType.OFFICIAL);
        assertThat(c.cue()).isEqualTo("told reporters");
        assertThat(c.content()).isEqualTo("Kyiv would not cede territory");
        assertThat(c.denial()).isTrue();
    }

    @Test
    void shouldFindAccordingToBeforeAndAfterTheClaim() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nAccording to two diplomats, the meeting moved to Abu Dhabi. "
                                + "The ceasefire map was redrawn twice, according to a person with knowledge of the talks.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        tuple("two diplomats", "According to", "the meeting moved to Abu Dhabi"),
                        tuple(
                                "a person with knowledge of the talks",
                                "according to",
                                "The ceasefire map was redrawn twice"));
    }

    @Test
    void shouldResolveTheBackReferenceToTheEarlierAnonymousSource() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nThe talks stalled over Zaporizhzhia, according to officials familiar with the negotiations. "
                                + "A second round is being planned, the officials said.");

        assertThat(claims)
                .extracting(ExtractedClaim::source)
                .containsExactly(
                        "officials familiar with the negotiations",
                        "officials familiar with the negotiations");
    }

    @Test
    void shouldReadAHeadlineAttributedAfterADash() {
        ExtractedClaim c =
                extractor
                        .extract(
                                "Kyiv receives revised security guarantees – media\n\nNo more text here.")
                        .get(0);

        assertThat(c.content()).isEqualTo("Kyiv receives revised security guarantees");
        assertThat(c.source()).isEqualTo("media");
    }

    @Test
    void shouldRecognizeADirectQuote() {
        ExtractedClaim c =
                only(
                        "Title line\n\n“We are ready to sign the framework this month,” the Ukrainian negotiator said.");

        assertThat(c.quote()).isTrue();
        assertThat(c.content()).isEqualTo("We are ready to sign the framework this month");
    }

    @Test
    void shouldTellAnOrganisationStatingAPosition() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe Kremlin insists that any settlement must include the whole Donetsk region.");

        assertThat(c.source()).isEqualTo("Kremlin");
        assertThat(c.sourceType()).isEqualTo(SourceType.ORGANIZATION);
    }

    @Test
    void shouldGiveSpansThatPointAtTheText() {
        String text =
                "Title line\n\nThe envoys will carry a revised map to Moscow, Reuters reports.";

        ExtractedClaim c = only(text);

        assertThat(c.sourceSpan().of(text)).isEqualTo("Reuters");
        assertThat(c.cueSpan().of(text)).isEqualTo("reports");
        assertThat(c.contentSpan().of(text)).isEqualTo(c.content());
    }

    @Test
    void shouldFindNoClaimInPlainNarration() {
        assertThat(
                        extractor.extract(
                                "Title line\n\nSnow fell across Lviv overnight. Trains ran late."))
                .isEmpty();
    }

    @Test
    void shouldNotReadAVerbThatReportsOnlyAfterAQuotationAsACueBeforeItsClaim() {
        assertThat(
                        extractor.extract(
                                "Title line\n\nShelling continued overnight near Siversk, where"
                                        + " both sides have dug in. Russia agreed to a prisoner"
                                        + " exchange last month."))
                .isEmpty();

        ExtractedClaim c =
                only(
                        "Title line\n\n“Nobody here expects the line to move this winter,” the"
                                + " commander continued.");
        assertThat(c.cue()).isEqualTo("continued");
        assertThat(c.content()).isEqualTo("Nobody here expects the line to move this winter");
    }

    @Test
    void shouldTakeASourceNamedAfterLowerCaseWordsOrWithADeterminerOrAParenthesis() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nLater in the day, the OSCE said it would send observers to"
                                + " the crossing. Sen. Jeanne Shaheen (D-N.H.) said the Senate"
                                + " would take up the sanctions bill next week. But the farmers say"
                                + " the grain corridor is still too risky for insurers.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::content)
                .containsExactly(
                        tuple("OSCE", "it would send observers to the crossing"),
                        tuple(
                                "Sen. Jeanne Shaheen",
                                "the Senate would take up the sanctions bill next week"),
                        tuple("the farmers", "the grain corridor is still too risky for insurers"));
    }

    @Test
    void shouldFindTheVerbOfASecondClauseOrAParticipleFarFromItsSubject() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nUmerov left the meeting early but said the delegation"
                                + " would return on Monday. Rubio defended the revised draft in"
                                + " Geneva, saying it kept every point Kyiv had asked for.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        tuple("Umerov", "said", "the delegation would return on Monday"),
                        tuple("Rubio", "saying", "it kept every point Kyiv had asked for"));
    }

    @Test
    void shouldNotTakeAClauseAfterAnInvertedVerbForItsSource() {
        ExtractedClaim c =
                only(
                        "Title line\n\nMarta Kos, a lecturer in security studies at a Warsaw"
                                + " university, said the buffer zone had become the real sticking"
                                + " point.");

        assertThat(c.source()).isEqualTo("Marta Kos");
        assertThat(c.content()).isEqualTo("the buffer zone had become the real sticking point");
    }

    @Test
    void shouldKeepAQuotationEndingInThatAndAParticipleWithItsOwnBalancedQuotation() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\n“We have heard all of that,” Petrenko said, adding that"
                                + " the offer was “the same map with new colours.”");

        assertThat(claims)
                .extracting(ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        tuple("said", "We have heard all of that"),
                        tuple("adding", "the offer was “the same map with new colours.”"));
    }

    @Test
    void shouldTakeALongSourceAfterAccordingTo() {
        ExtractedClaim c =
                only(
                        "Title line\n\nAccording to early results of an exit poll conducted for"
                                + " three Ukrainian television channels by the Kyiv International"
                                + " Institute of Sociology, most voters back the ceasefire.");

        assertThat(c.source()).startsWith("early results of an exit poll");
        assertThat(c.content()).isEqualTo("most voters back the ceasefire");
    }

    @Test
    void shouldReadASourceWithAbbreviationsAfterAccordingTo() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe convoy crossed into Zaporizhzhia before dawn,"
                                + " according to U.N. monitors.");

        assertThat(c.source()).isEqualTo("U.N. monitors");
        assertThat(c.content()).isEqualTo("The convoy crossed into Zaporizhzhia before dawn");
    }

    @Test
    void shouldNotReadAPrepositionalLeadAsTheClaimOfATrailingSource() {
        ExtractedClaim c =
                only(
                        "Title line\n\nIn his reply, Andriy Sybiha, the foreign minister, said on"
                                + " Tuesday that Kyiv had read every page of the draft.");

        assertThat(c.source()).isEqualTo("Andriy Sybiha");
        assertThat(c.content()).isEqualTo("Kyiv had read every page of the draft");
    }

    @Test
    void shouldSkipADatelineAndReadNoBreakSpacesAsSpaces() {
        String text =
                "Title line\n\nKYIV, Nov. 21 (Baltic Wire) — Deputy Foreign Minister Serhiy"
                        + " Kyslytsya told delegates in Geneva that the new draft drops the amnesty"
                        + " clause.\u00A0“We read it twice,” he said.";
        List<ExtractedClaim> claims = extractor.extract(text);

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::content)
                .containsExactly(
                        tuple(
                                "Deputy Foreign Minister Serhiy Kyslytsya",
                                "the new draft drops the amnesty clause"),
                        tuple("Deputy Foreign Minister Serhiy Kyslytsya", "We read it twice"));
        assertThat(claims.get(1).contentSpan().of(text)).isEqualTo("We read it twice");
    }

    @Test
    void shouldReadLongAppositivesLeadsWithCommasAndSourcesWithARelativeClause() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nOksana Hrytsenko, a former deputy head of the national"
                                + " security council and an adviser to two defence ministers, said"
                                + " the draft was written in Washington. Since the talks moved to"
                                + " Abu Dhabi, Jan. 12, officials in Kyiv say they have seen no"
                                + " new map. The commanders whose brigades hold the line near"
                                + " Pokrovsk say the front has not moved in weeks.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::content)
                .containsExactly(
                        tuple("Oksana Hrytsenko", "the draft was written in Washington"),
                        tuple("officials in Kyiv", "they have seen no new map"),
                        tuple(
                                "The commanders whose brigades hold the line near Pokrovsk",
                                "the front has not moved in weeks"));
    }

    @Test
    void shouldKeepTheClaimOfALeadThatReportsSpeechItself() {
        ExtractedClaim c =
                only(
                        "Title line\n\nYermak said that the delegation was ready, but he urged"
                                + " the mediators to publish the full text.");

        assertThat(c.source()).isEqualTo("Yermak");
        assertThat(c.content()).startsWith("the delegation was ready");
    }

    @Test
    void shouldReadAsReportedAndWhomAfterToldAndASubordinateClause() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nAs Politico reported, the envoys flew to Miami on Sunday."
                                + " Olena Kovalenko told Reuters that the vote would wait. The"
                                + " talks stalled in March, when Rubio told Fox News that the"
                                + " map was final.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        tuple("Politico", "reported", "the envoys flew to Miami on Sunday"),
                        tuple("Olena Kovalenko", "told Reuters", "the vote would wait"),
                        tuple("Rubio", "told Fox News", "the map was final"));
    }

    @Test
    void shouldTakeAQuestionWithItsAskerButNotAnAskingWithoutOne() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nAfter the briefing, Sybiha asked the envoys about the"
                                + " map. “Who signs for Moscow?” Sybiha asked the room. A"
                                + " reporter asked whether the ceasefire would hold.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::content)
                .containsExactly(
                        tuple("Sybiha", "Who signs for Moscow?"),
                        tuple("a reporter", "whether the ceasefire would hold"));
    }

    @Test
    void shouldSplitASentenceWithTwoSourcesIntoTwoClaims() {
        String text =
                "Title line\n\nMost residents of Sloviansk said they would stay through the"
                        + " winter, while local officials said the evacuation order would stand.";
        List<ExtractedClaim> claims = extractor.extract(text);

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::content)
                .containsExactly(
                        tuple("Most residents of Sloviansk", "they would stay through the winter"),
                        tuple("local officials", "the evacuation order would stand"));
        assertThat(claims.get(1).sourceSpan().of(text)).isEqualTo("local officials");
        assertThat(claims.get(1).contentSpan().of(text))
                .isEqualTo("the evacuation order would stand");
    }

    @Test
    void shouldTakeInAQuotationThatGoesOnIntoTheNextParagraph() {
        String text =
                "Title line\n\n“The map is the easy part,” said Iryna Vereshchuk, a deputy head"
                        + " of the presidential office. “Guarantees are the hard part. Nobody"
                        + " has offered them yet.\n\n“We will wait,” she added.";
        List<ExtractedClaim> claims = extractor.extract(text);

        assertThat(claims.get(0).source()).isEqualTo("Iryna Vereshchuk");
        assertThat(claims.get(0).content())
                .isEqualTo(
                        "The map is the easy part. Guarantees are the hard part. Nobody has"
                                + " offered them yet");
        assertThat(claims.get(0).contentSpan().of(text))
                .startsWith("The map is the easy part")
                .endsWith("Nobody has offered them yet");
    }

    @Test
    void shouldReadAHeadlineInTitleCaseAndAParticipleAfterAnAppositive() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Sybiha Says Kyiv ‘Will Not Sign A Surrender’\n\nAndriy Yermak, the head"
                                + " of the presidential office, left Geneva early, saying, “The"
                                + " draft has not changed since Tuesday.”");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        tuple("Sybiha", "Says", "Kyiv ‘Will Not Sign A Surrender’"),
                        tuple(
                                "Andriy Yermak",
                                "saying",
                                "The draft has not changed since Tuesday"));
    }

    @Test
    void shouldReadWhatFollowsAVerbOfStandingForSomething() {
        ExtractedClaim c =
                only(
                        "Title line\n\nZelensky called for a ceasefire along the whole front line"
                                + " before the next round in Geneva.");

        assertThat(c)
                .extracting(ExtractedClaim::source, ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        "Zelensky",
                        "called for",
                        "a ceasefire along the whole front line before the next round in Geneva");
    }

    @Test
    void shouldReadTheObjectOfACriticism() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe Kremlin criticized the envoys for publishing the"
                                + " draft before the meeting.");

        assertThat(c.source()).isEqualTo("Kremlin"); // as the patterns name it
        assertThat(c.cue()).isEqualTo("criticized");
        assertThat(c.content()).isEqualTo("the envoys for publishing the draft before the meeting");
    }

    @Test
    void shouldGiveACoordinatedVerbTheSubjectOfItsClause() {
        ExtractedClaim c =
                only(
                        "Title line\n\nLeaving the hall in Geneva, Sybiha thanked the mediators"
                                + " and said the draft still left the eastern regions to the"
                                + " leaders.");

        assertThat(c.source()).isEqualTo("Sybiha");
        assertThat(c.content())
                .isEqualTo("the draft still left the eastern regions to the leaders");
    }

    @Test
    void shouldReadAQuotationWhoseMarksDoNotPair() {
        ExtractedClaim c =
                only("Title line\n\n“We will not sign a surrender of our land,\" Zelensky said.");

        assertThat(c.source()).isEqualTo("Zelensky");
        assertThat(c.content()).isEqualTo("We will not sign a surrender of our land");
        assertThat(c.quote()).isTrue();
    }

    @Test
    void shouldKeepAPronounObjectEndingAClaim() {
        ExtractedClaim c =
                only("Title line\n\nThe regional councils can organise all of that, they said.");

        assertThat(c.content()).isEqualTo("The regional councils can organise all of that");
    }

    @Test
    void shouldNotTakeANounThatLooksLikeAVerbForACue() {
        assertThat(
                        extractor.extract(
                                "Title line\n\nThe envoy has visited several states in the"
                                        + " region since the spring, with more trips planned."))
                .isEmpty();
    }

    @Test
    void shouldTakeTheClaimsBeforeAndAfterASentencesMainOne() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nWhile the general acknowledged that the funding gap was a"
                                + " major reason, Sybiha also noted that the lack of spare parts"
                                + " hurt more. “We will sign nothing that gives away Donbas,”"
                                + " Zelensky said on Tuesday, while his chief of staff warned that"
                                + " the talks could collapse this week.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        tuple("the general", "acknowledged", "the funding gap was a major reason"),
                        tuple("Sybiha", "also noted", "the lack of spare parts hurt more"),
                        tuple("Zelensky", "said", "We will sign nothing that gives away Donbas"),
                        tuple(
                                "his chief of staff",
                                "warned",
                                "the talks could collapse this week"));
    }

    @Test
    void shouldResolveAPronounTheCueReaderFindsToWhoSpokeBefore() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nKushner told reporters the draft had changed. Later he"
                                + " criticized the delay in Kyiv over the security annex.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        tuple("Kushner", "told reporters", "the draft had changed"),
                        tuple(
                                "Kushner",
                                "criticized",
                                "the delay in Kyiv over the security annex"));
        assertThat(claims.get(1).sourceType()).isEqualTo(claims.get(0).sourceType());
    }

    @Test
    void shouldTakeAThatEndingTheSentenceForAnObjectNotAClauseLeftOpen() {
        ExtractedClaim c =
                only(
                        "Title line\n\nAnalysts of the Donbas and Kharkiv fronts said the winter"
                                + " offensive could change that.");

        assertThat(c.source()).isEqualTo("Analysts of the Donbas and Kharkiv fronts");
        assertThat(c.content()).isEqualTo("the winter offensive could change that");
    }

    @Test
    void shouldTakeAQuestionBeforeItsAsker() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nWho will pay to rebuild the Kharkiv tram depot, the"
                                + " mayor asked.");

        assertThat(claims)
                .extracting(ExtractedClaim::source, ExtractedClaim::cue, ExtractedClaim::content)
                .containsExactly(
                        tuple(
                                "the mayor",
                                "asked",
                                "Who will pay to rebuild the Kharkiv tram depot"));
    }

    /**
     * Sentences shuffled together from reporting words, names, quotation marks and punctuation:
     * whatever the extractor makes of them, it must not fail, and every span must point at the text
     * it names.
     */
    @Test
    void shouldKeepItsSpansTrueOnAnyJumbleOfCuesQuotesAndPunctuation() {
        String[] pieces = {
            "said",
            "asked",
            "told",
            "called for",
            "according to",
            "the minister",
            "Sybiha",
            "“",
            "”",
            "\"",
            ",",
            ".",
            ":",
            " and",
            " that",
            "Reuters",
            "reported",
            "whether",
            "he",
            "added",
            "U.S.",
            "–",
            "denied",
            "the plan",
            "would",
            "on Monday",
            "\n\n",
            "?",
            "''",
            "'",
            "who",
            "family"
        };
        java.util.Random random = new java.util.Random(20261201);
        int checked = 0;
        for (int doc = 0; doc < 2_000; doc++) {
            StringBuilder text = new StringBuilder("Title line\n\n");
            int words = 3 + random.nextInt(40);
            for (int w = 0; w < words; w++) {
                text.append(' ').append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            for (ExtractedClaim c : extractor.extract(t)) {
                // A quotation broken by its attribution reads as its parts; its span runs over
                // the attribution between: the content's words are the span's, in order.
                String spanned = t.substring(c.contentSpan().start(), c.contentSpan().end());
                assertThat(c.content()).as("content in %s", t).isNotBlank();
                assertThat(isSubsequence(words(c.content()), words(spanned)))
                        .as("content %s of span %s in %s", c.content(), spanned, t)
                        .isTrue();
                assertThat(words(spanned).get(0)).isEqualTo(words(c.content()).get(0));
                checked++;
                assertThat(c.sourceSpan().start()).isBetween(0, t.length());
                assertThat(c.sourceSpan().end()).isBetween(c.sourceSpan().start(), t.length());
                assertThat(c.cueSpan().end()).isBetween(c.cueSpan().start(), t.length());
            }
        }
        assertThat(checked).as("claims found in the jumble").isGreaterThan(200);
    }

    @Test
    void shouldTakeANameThatLooksLikeAModalForAName() {
        ExtractedClaim c =
                only(
                        "Title line\n\nFormer Prime Minister Theresa May said this week that the"
                                + " summit would not settle the question of the eastern regions.");

        assertThat(c.source()).isEqualTo("Former Prime Minister Theresa May");
        assertThat(c.content())
                .isEqualTo("the summit would not settle the question of the eastern regions");
    }

    @Test
    void shouldNotReadANameAndItsAppositiveAsAClaimSaidByTheObject() {
        ExtractedClaim c =
                only(
                        "Title line\n\nOlena Koval, the mayor's chief of staff, noted the delay in"
                                + " the talks last month.");

        assertThat(c.source()).isEqualTo("Olena Koval");
        assertThat(c.content()).isEqualTo("the delay in the talks last month");
    }

    @Test
    void shouldNotTakeAClauseWithANegatedVerbForASourceAfterTheCue() {
        ExtractedClaim c =
                only(
                        "Title line\n\nSanctions expert Mira Holt, who advises the committee on"
                                + " export controls, said the new list doesn't cover the refineries.");

        assertThat(c.source()).isEqualTo("Sanctions expert Mira Holt");
        assertThat(c.content()).isEqualTo("the new list doesn't cover the refineries");
    }

    @Test
    void shouldReadThePluralPresentOfACueButNotItsInfinitive() {
        ExtractedClaim c =
                only(
                        "Title line\n\nE.U. ministers warn that if the front moves again, the"
                                + " grain corridor could close within weeks.");

        assertThat(c.source()).isEqualTo("E.U. ministers");
        assertThat(c.cue()).isEqualTo("warn");
        assertThat(
                        extractor.extract(
                                "Title line\n\nThere is no way to tell how many shells reached the"
                                        + " depot before the strike."))
                .isEmpty();
    }

    @Test
    void shouldFindASourcePastALongAppositive() {
        ExtractedClaim c =
                only(
                        "Title line\n\nMarta Reyes, the senior Democrat on the Senate foreign"
                                + " relations panel, called on the administration to release the"
                                + " frozen aid package.");

        assertThat(c.source()).isEqualTo("Marta Reyes");
        assertThat(c.cue()).isEqualTo("called on");
        assertThat(c.content()).startsWith("the administration to release");
    }

    @Test
    void shouldReadAQuotationBeforeASourceAndAnAdverb() {
        ExtractedClaim c =
                only("Title line\n\n“Surely we can ask the envoy one question,” Rudd said drily.");

        assertThat(c.source()).isEqualTo("Rudd");
        assertThat(c.content()).isEqualTo("Surely we can ask the envoy one question");
        assertThat(c.quote()).isTrue();
    }

    @Test
    void shouldReadAClaimThatGoesOnAfterItsSource() {
        String text =
                "Title line\n\nThe first convoy carried 40 tonnes of grain, the ministry said in"
                        + " its weekly report, and the second is due on Friday.";
        ExtractedClaim c = only(text);

        assertThat(c.source()).isEqualTo("the ministry");
        assertThat(c.content())
                .isEqualTo(
                        "The first convoy carried 40 tonnes of grain the second is due on Friday");
        assertThat(c.contentSpan().end()).isEqualTo(text.indexOf(" Friday.") + " Friday".length());
    }

    @Test
    void shouldReadAShortSubjectBeforeItsSourceWithWhatFollows() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe ceasefire, Mr. Umerov often says, is only as strong as"
                                + " its monitors.");

        assertThat(c.source()).isEqualTo("Mr. Umerov");
        assertThat(c.content()).isEqualTo("The ceasefire is only as strong as its monitors");
    }

    @Test
    void shouldReadAPromiseOrATweetAfterWhatItsSubjectDid() {
        ExtractedClaim c =
                only(
                        "Title line\n\nWitkoff met the grain traders in Odesa, promising to reopen"
                                + " the northern route before the winter.");

        assertThat(c.source()).isEqualTo("Witkoff");
        assertThat(c.cue()).isEqualTo("promising");
        assertThat(c.content()).isEqualTo("to reopen the northern route before the winter");
    }

    @Test
    void shouldGiveARelativeClauseTheSourceItHangsOn() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe energy ministry, which has flatly denied any damage to"
                                + " the dam, sent engineers to the site.");

        assertThat(c.source()).isEqualTo("The energy ministry");
        assertThat(c.content()).isEqualTo("any damage to the dam");
        assertThat(c.denial()).isTrue();
    }

    @Test
    void shouldReadACueAfterAVerbThatHandsOnItsSubject() {
        ExtractedClaim c =
                only(
                        "Title line\n\nFarmers near Kherson continued to call for demining teams,"
                                + " blocking the road to the ferry.");

        assertThat(c.source()).isEqualTo("Farmers near Kherson");
        assertThat(c.cue()).isEqualTo("call for");
        assertThat(c.content()).isEqualTo("demining teams");
    }

    @Test
    void shouldTakeAWordInIngAtTheStartOfANameForPartOfTheSource() {
        ExtractedClaim c = only("Title line\n\nShipping insurers declared force majeure.");

        assertThat(c.source()).isEqualTo("Shipping insurers");
        assertThat(c.content()).isEqualTo("force majeure");
    }

    @Test
    void shouldEndReportedSpeechBeforeTheWritersConcession() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe governor said the shelters were ready, though none of"
                                + " them had power on Sunday.");

        assertThat(c.content()).isEqualTo("the shelters were ready");
    }

    @Test
    void shouldGoOnWithAQuotationInDoubleApostrophesAfterItsSource() {
        ExtractedClaim c =
                only(
                        "Title line\n\n''Slowly,'' the envoy said, ''the map is being redrawn"
                                + " in our favour.''");

        assertThat(c.source()).isEqualTo("the envoy");
        assertThat(c.content()).isEqualTo("Slowly the map is being redrawn in our favour");
    }

    @Test
    void shouldResolveItToTheBodyThatSpokeBefore() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nThe Defence Ministry said the bridge was hit twice"
                                + " overnight. It said repairs would take at least a month.");

        assertThat(claims)
                .extracting(ExtractedClaim::source)
                .containsExactly("Defence Ministry", "Defence Ministry");
        assertThat(claims.get(1).content()).isEqualTo("repairs would take at least a month");
    }

    @Test
    void shouldReadANegatedCueAndAFirstPersonSource() {
        assertThat(
                        only("Title line\n\nHe didn't suggest that the refinery would be"
                                        + " spared.")
                                .content())
                .isEqualTo("the refinery would be spared");
        assertThat(
                        only("Title line\n\nWe asked whether the monitors would be" + " armed.")
                                .content())
                .isEqualTo("whether the monitors would be armed");
    }

    @Test
    void shouldKeepAShortClaimBeforeASecondVerbOfTheSameSource() {
        List<ExtractedClaim> claims =
                extractor.extract(
                        "Title line\n\nHe claimed vast support and said the vote would prove"
                                + " it.");

        assertThat(claims)
                .extracting(ExtractedClaim::content)
                .containsExactly("vast support", "the vote would prove it");
    }

    @Test
    void shouldNotTakeANegatedCueWithAShortObjectForAClaim() {
        assertThat(extractor.extract("Title line\n\nThe Kremlin has not confirmed the visit."))
                .isEmpty();
    }

    @Test
    void shouldReadAClaimNamedByANounWithItsClause() {
        ExtractedClaim c =
                only(
                        "Title line\n\nMonitors disputed Moscow's claim that the convoy had"
                                + " turned back at the border.");

        assertThat(c.source()).isEqualTo("Moscow");
        assertThat(c.cue()).isEqualTo("claim");
        assertThat(c.content()).isEqualTo("the convoy had turned back at the border");

        ExtractedClaim lead =
                only(
                        "Title line\n\nDespite their pledge that the corridor would stay open,"
                                + " the ships waited for a week.");
        assertThat(lead.content()).isEqualTo("the corridor would stay open");
    }

    @Test
    void shouldTakeInAQuotationAfterWhereAndToWhomItWasWritten() {
        String text =
                "Title line\n\nThe plan is “dead on arrival,” Umerov wrote in a message to"
                        + " reporters, and “not worth the paper.”";
        ExtractedClaim c = only(text);

        assertThat(c.source()).isEqualTo("Umerov");
        assertThat(c.content()).isEqualTo("The plan is “dead on arrival” not worth the paper");
        assertThat(c.contentSpan().start()).isEqualTo(text.indexOf("The plan"));
        assertThat(c.contentSpan().end())
                .isEqualTo(text.indexOf(" the paper") + " the paper".length());
    }

    @Test
    void shouldGiveASecondVerbAfterAnAuxiliaryTheSubjectOfItsClause() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe mayor has visited the shelters twice, and has called"
                                + " for a second water line to the eastern districts.");

        assertThat(c.source()).isEqualTo("The mayor");
        assertThat(c.content()).isEqualTo("a second water line to the eastern districts");
    }

    @Test
    void shouldTakeTheSubjectOfARelativeClauseThatHasOne() {
        ExtractedClaim c =
                only(
                        "Title line\n\nShe toured the new shelters, which she said were built"
                                + " without the regional councils.");

        assertThat(c.source()).isEqualTo("she"); // the "she" of the clause; no one spoke before
        assertThat(c.content()).isEqualTo("were built without the regional councils");
    }

    @Test
    void shouldNotTakeAQuotedPhraseBeforeACoordinatedVerbForItsClaim() {
        ExtractedClaim c =
                only(
                        "Title line\n\nSybiha has used the words “just peace” often this month,"
                                + " and criticized the envoys for ignoring them.");

        assertThat(c.cue()).isEqualTo("criticized");
        assertThat(c.content()).isEqualTo("the envoys for ignoring them");
    }

    @Test
    void shouldReadAHeadlineThatNamesItsSourceLast() {
        ExtractedClaim c =
                extractor
                        .extract(
                                "“Kyiv Will Not Trade Land for Time,” Foreign Minister Says\n\n"
                                        + "The talks resume on Monday.")
                        .get(0);

        assertThat(c.source()).isEqualTo("Foreign Minister");
        assertThat(c.content()).isEqualTo("Kyiv Will Not Trade Land for Time");
    }

    @Test
    void shouldTakeTheQuotationAColonIntroducesForItsClaim() {
        String text =
                "Title line\n\nThe envoy spoke for an hour.\n\nRudd added:\n\n“The map is not"
                        + " settled. Nothing is settled until the leaders meet.”\n\nThen he left.";
        List<ExtractedClaim> claims = extractor.extract(text);

        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).source()).isEqualTo("Rudd");
        assertThat(claims.get(0).quote()).isTrue();
        assertThat(claims.get(0).content())
                .isEqualTo("The map is not settled. Nothing is settled until the leaders meet");
    }

    @Test
    void shouldReadAClaimAfterALeadWhenAClauseFollowsIt() {
        ExtractedClaim c =
                only(
                        "Title line\n\nIn addition, the convoy will carry generators to Kherson,"
                                + " a spokesman announced on Monday.");

        assertThat(c.source()).isEqualTo("a spokesman");
        assertThat(c.content())
                .isEqualTo("In addition, the convoy will carry generators to Kherson");
    }

    @Test
    void shouldNotTakeAStockPhraseOrALabelForASource() {
        assertThat(
                        extractor.extract(
                                "Title line\n\nIt's worth noting that the corridor has stayed"
                                        + " open all week.\n\nEditor's note: this story was"
                                        + " updated with the ministry's figures."))
                .extracting(ExtractedClaim::source)
                .doesNotContain("It's worth", "Editor's");
    }

    @Test
    void shouldNotTakeBattlegroundStatesOrRenewedFearsForCues() {
        assertThat(
                        extractor.extract(
                                "Title line\n\nThe vote in several battleground states could"
                                        + " decide the election.\n\nThe strike on the port renewed"
                                        + " fears along the coast."))
                .isEmpty();
    }

    @Test
    void shouldStripANegationFromTheSourceOfALongerClaim() {
        ExtractedClaim c =
                only(
                        "Title line\n\nLawmakers have not said when they would vote on the aid"
                                + " package.");

        assertThat(c.source()).isEqualTo("Lawmakers");
        assertThat(c.content()).isEqualTo("when they would vote on the aid package");
    }

    @Test
    void shouldFindASourcePastAnAgeAndAHomeTown() {
        ExtractedClaim c =
                only(
                        "Title line\n\nHanna Bilyk, 61, of Sloviansk, who queued for water all"
                                + " morning, said the pumps had failed again.");

        assertThat(c.source()).isEqualTo("Hanna Bilyk");
        assertThat(c.content()).isEqualTo("the pumps had failed again");
    }

    @Test
    void shouldReadAHeadlineVerbAfterALeadingPhraseAndBeforeAFullStop() {
        ExtractedClaim c =
                extractor
                        .extract(
                                "Leaving Geneva, Umerov Vows To Return With A New Map\n\nThe talks"
                                        + " ended late.")
                        .get(0);
        assertThat(c.source()).isEqualTo("Umerov");
        assertThat(c.content()).isEqualTo("To Return With A New Map");

        ExtractedClaim last =
                extractor
                        .extract(
                                "Grain Deal Is Close, Turkish Envoy Says.\n\nThe talks ended late.")
                        .get(0);
        assertThat(last.source()).isEqualTo("Turkish Envoy");
    }

    @Test
    void shouldTakeAnIngWordBeforeAPluralNounForPartOfTheSource() {
        ExtractedClaim c =
                only(
                        "Title line\n\nThe port reopened on Friday, where striking workers say the"
                                + " cranes are still unsafe.");

        assertThat(c.source()).isEqualTo("striking workers");
    }

    @Test
    void shouldReadTheNextCueWhenTheFirstReadsAsNothing() {
        ExtractedClaim c =
                only(
                        "Title line\n\nWhile not everything the envoy says is new, Rudd said the"
                                + " map had changed since the spring.");

        assertThat(c.source()).isEqualTo("Rudd");
        assertThat(c.content()).isEqualTo("the map had changed since the spring");
    }

    @Test
    void shouldNotTakeAQuotedTitleInAnAsideForTheClaim() {
        ExtractedClaim c =
                only(
                        "Title line\n\nKoval, the author of “Frozen Lines,” a history of the"
                                + " ceasefires, said the monitors were never enough.");

        assertThat(c.content()).isEqualTo("the monitors were never enough");
    }

    @Test
    void shouldReadThoseSurveyedAndAPartyTagBeforeAComma() {
        assertThat(
                        only("Title line\n\nBy 58%-33%, those surveyed said the aid"
                                        + " should not be cut.")
                                .source())
                .isEqualTo("those surveyed");
        assertThat(
                        only("Title line\n\nSen. Ana Ruiz (D-N.M.), said on Tuesday"
                                        + " that the vote would wait for the audit.")
                                .content())
                .isEqualTo("the vote would wait for the audit");
    }

    @Test
    void shouldLeaveAClaimAloneWhoseContentStartsInsideTwoApostrophes() {
        // Found on PolNeAR: the content began on the second mark of an opening '' pair, and the
        // search for the opening mark found that very pair.
        String text = "Title line\n\nShe said ''it will hold,'' then left.";
        int from = text.indexOf("''it") + 1;
        int to = text.indexOf(",''");
        ExtractedClaim claim =
                new ExtractedClaim(
                        "She",
                        SourceType.PERSON,
                        null,
                        "said",
                        text.substring(from, to),
                        false,
                        false,
                        new Span(12, 15),
                        new Span(16, 20),
                        new Span(from, to));

        assertThat(ClaimExtractor.wholeQuote(text, claim)).isEqualTo(claim);
    }

    private static List<String> words(String s) {
        return java.util.Arrays.stream(s.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int at = 0;
        for (String w : whole) {
            if (at < part.size() && part.get(at).equals(w)) {
                at++;
            }
        }
        return at == part.size();
    }
}
