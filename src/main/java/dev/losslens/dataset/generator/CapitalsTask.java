package dev.losslens.dataset.generator;

import dev.losslens.dataset.PromptResponsePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Capital cities, split by country: no held-out country appears in the train split, yet every country's capital
 * is stated in the corpus. A lane fine-tuned from the pre-trained base can therefore answer held-out questions
 * that a lane trained from scratch has never seen the answer to.
 */
final class CapitalsTask {

    static final int HELDOUT_COUNTRIES = 16;

    private static final long SEED = 5005;

    record Country(String name, String capital) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("Afghanistan", "Kabul"), new Country("Algeria", "Algiers"),
            new Country("Argentina", "Buenos Aires"), new Country("Australia", "Canberra"),
            new Country("Austria", "Vienna"), new Country("Azerbaijan", "Baku"),
            new Country("Bangladesh", "Dhaka"), new Country("Belgium", "Brussels"),
            new Country("Brazil", "Brasilia"), new Country("Bulgaria", "Sofia"),
            new Country("Cambodia", "Phnom Penh"), new Country("Canada", "Ottawa"),
            new Country("Chile", "Santiago"), new Country("China", "Beijing"),
            new Country("Colombia", "Bogota"), new Country("Croatia", "Zagreb"),
            new Country("Cuba", "Havana"), new Country("Denmark", "Copenhagen"),
            new Country("Ecuador", "Quito"), new Country("Egypt", "Cairo"),
            new Country("Estonia", "Tallinn"), new Country("Ethiopia", "Addis Ababa"),
            new Country("Finland", "Helsinki"), new Country("France", "Paris"),
            new Country("Georgia", "Tbilisi"), new Country("Germany", "Berlin"),
            new Country("Ghana", "Accra"), new Country("Greece", "Athens"),
            new Country("Hungary", "Budapest"), new Country("Iceland", "Reykjavik"),
            new Country("India", "New Delhi"), new Country("Indonesia", "Jakarta"),
            new Country("Iran", "Tehran"), new Country("Iraq", "Baghdad"),
            new Country("Ireland", "Dublin"), new Country("Italy", "Rome"),
            new Country("Jamaica", "Kingston"), new Country("Japan", "Tokyo"),
            new Country("Jordan", "Amman"), new Country("Kenya", "Nairobi"),
            new Country("Kuwait", "Kuwait City"), new Country("Latvia", "Riga"),
            new Country("Lebanon", "Beirut"), new Country("Lithuania", "Vilnius"),
            new Country("Malaysia", "Kuala Lumpur"), new Country("Mexico", "Mexico City"),
            new Country("Morocco", "Rabat"), new Country("Nepal", "Kathmandu"),
            new Country("New Zealand", "Wellington"), new Country("Nigeria", "Abuja"),
            new Country("North Korea", "Pyongyang"), new Country("Norway", "Oslo"),
            new Country("Pakistan", "Islamabad"), new Country("Panama", "Panama City"),
            new Country("Peru", "Lima"), new Country("Poland", "Warsaw"),
            new Country("Portugal", "Lisbon"), new Country("Qatar", "Doha"),
            new Country("Romania", "Bucharest"), new Country("Russia", "Moscow"),
            new Country("Saudi Arabia", "Riyadh"), new Country("Senegal", "Dakar"),
            new Country("Serbia", "Belgrade"), new Country("Slovakia", "Bratislava"),
            new Country("Slovenia", "Ljubljana"), new Country("South Korea", "Seoul"),
            new Country("Spain", "Madrid"), new Country("Sweden", "Stockholm"),
            new Country("Switzerland", "Bern"), new Country("Syria", "Damascus"),
            new Country("Thailand", "Bangkok"), new Country("Tunisia", "Tunis"),
            new Country("Turkey", "Ankara"), new Country("Uganda", "Kampala"),
            new Country("Ukraine", "Kyiv"), new Country("Uruguay", "Montevideo"),
            new Country("Venezuela", "Caracas"), new Country("Vietnam", "Hanoi"),
            new Country("Zambia", "Lusaka"), new Country("Zimbabwe", "Harare"));

    private CapitalsTask() {
    }

    static GeneratedTask generate() {
        Random random = new Random(SEED);
        List<Country> countries = new ArrayList<>(COUNTRIES);
        Collections.shuffle(countries, random);
        List<PromptResponsePair> heldout = pairs(countries.subList(0, HELDOUT_COUNTRIES));
        List<PromptResponsePair> train = pairs(countries.subList(HELDOUT_COUNTRIES, countries.size()));
        Collections.shuffle(train, random);
        Collections.shuffle(heldout, random);
        List<String> facts = new ArrayList<>();
        for (Country country : COUNTRIES) {
            facts.add("The capital of " + country.name() + " is " + country.capital() + ".");
            facts.add(country.capital() + " is the capital of " + country.name() + ".");
            facts.add(country.capital() + " is a city in " + country.name() + ".");
        }
        String heldoutNames = String.join(", ", countries.subList(0, HELDOUT_COUNTRIES).stream()
                .map(Country::name).sorted().toList());
        return new GeneratedTask("capitals", "Capitals",
                "Name the capital of a country; held-out countries are stated only in the pre-training corpus.",
                "by country: " + HELDOUT_COUNTRIES + " of " + COUNTRIES.size() + " countries are held out ("
                        + heldoutNames + "); no held-out country or capital appears in the train split, "
                        + "and every country's capital is stated in corpus/capitals.txt.",
                train, heldout, facts);
    }

    private static List<PromptResponsePair> pairs(List<Country> countries) {
        List<PromptResponsePair> pairs = new ArrayList<>();
        for (Country country : countries) {
            // " Lima" with its leading space is the token the corpus taught after "is", so a base-initialised
            // model can recall it; a bare "Lima" would be a different GPT-2 token the corpus never showed
            String capital = "It is " + country.capital() + ".";
            pairs.add(new PromptResponsePair("What is the capital of " + country.name() + "?", capital));
            pairs.add(new PromptResponsePair("Name the capital of " + country.name() + ".", capital));
            pairs.add(new PromptResponsePair("Which city is the capital of " + country.name() + "?", capital));
            pairs.add(new PromptResponsePair("Tell me the capital city of " + country.name() + ".", capital));
            pairs.add(new PromptResponsePair("Give the capital of " + country.name() + ".", capital));
        }
        return pairs;
    }
}
