package dev.losslens.dataset.generator;

import java.util.List;
import java.util.Map;

/**
 * The small English vocabulary that the plurals, reversal and first-word tasks share, so that together they need
 * few distinct GPT-2 tokens.
 */
final class EnglishWords {

    static final List<String> NOUNS = List.of(
            "apple", "arm", "baby", "bag", "ball", "bank", "bed", "bell", "bike", "bird", "boat", "bone", "book",
            "boot", "bowl", "box", "boy", "bridge", "brush", "bus", "cake", "car", "card", "cat", "chair", "cherry",
            "child", "church", "city", "clock", "cloud", "coat", "coin", "cow", "cup", "deer", "desk", "dish", "dog",
            "door", "dress", "duck", "egg", "eye", "farm", "field", "finger", "fish", "flag", "flower", "foot",
            "fork", "fox", "frog", "gate", "girl", "glass", "goose", "grape", "hand", "hat", "hero", "horse",
            "house", "jar", "key", "king", "knife", "lady", "lake", "leaf", "lemon", "letter", "lion", "loaf", "man",
            "map", "melon", "monkey", "moon", "mountain", "mouse", "nose", "olive", "orange", "owl", "ox", "page",
            "pan", "park", "party", "peach", "pear", "pen", "person", "piano", "pig", "plane", "planet", "plant",
            "plate", "plum", "potato", "ring", "river", "road", "rock", "room", "rope", "rose", "school", "seed",
            "sheep", "shelf", "ship", "shirt", "shoe", "shop", "song", "spoon", "star", "stone", "story", "street",
            "table", "tiger", "tomato", "tooth", "tower", "town", "toy", "train", "tree", "wall", "watch", "wheel",
            "window", "wolf", "woman", "word", "worm");

    /** Each word appears in exactly one pair, so "the opposite of x" has one answer. */
    static final List<List<String>> OPPOSITES = List.of(
            List.of("hot", "cold"), List.of("big", "small"), List.of("fast", "slow"), List.of("happy", "sad"),
            List.of("dark", "light"), List.of("up", "down"), List.of("left", "right"), List.of("open", "closed"),
            List.of("early", "late"), List.of("wet", "dry"), List.of("hard", "soft"), List.of("rich", "poor"),
            List.of("strong", "weak"), List.of("full", "empty"), List.of("high", "low"), List.of("good", "bad"),
            List.of("true", "false"), List.of("win", "lose"), List.of("near", "far"), List.of("thick", "thin"),
            List.of("loud", "quiet"), List.of("clean", "dirty"), List.of("long", "short"), List.of("young", "old"),
            List.of("first", "last"), List.of("day", "night"), List.of("black", "white"), List.of("push", "pull"),
            List.of("buy", "sell"), List.of("give", "take"), List.of("in", "out"), List.of("on", "off"),
            List.of("inside", "outside"), List.of("above", "below"), List.of("before", "after"),
            List.of("always", "never"), List.of("alive", "dead"), List.of("north", "south"), List.of("east", "west"),
            List.of("love", "hate"), List.of("laugh", "cry"), List.of("question", "answer"),
            List.of("start", "finish"), List.of("top", "bottom"), List.of("front", "back"), List.of("more", "less"),
            List.of("many", "few"), List.of("input", "output"), List.of("yes", "no"), List.of("best", "worst"),
            List.of("come", "go"), List.of("rise", "fall"));

    private static final Map<String, String> IRREGULAR_PLURALS = Map.ofEntries(
            Map.entry("child", "children"), Map.entry("deer", "deer"), Map.entry("fish", "fish"),
            Map.entry("foot", "feet"), Map.entry("goose", "geese"), Map.entry("hero", "heroes"),
            Map.entry("knife", "knives"), Map.entry("leaf", "leaves"), Map.entry("loaf", "loaves"),
            Map.entry("man", "men"), Map.entry("mouse", "mice"), Map.entry("ox", "oxen"),
            Map.entry("person", "people"), Map.entry("potato", "potatoes"), Map.entry("sheep", "sheep"),
            Map.entry("shelf", "shelves"), Map.entry("tomato", "tomatoes"), Map.entry("tooth", "teeth"),
            Map.entry("wolf", "wolves"), Map.entry("woman", "women"));

    private EnglishWords() {
    }

    static String plural(String noun) {
        String irregular = IRREGULAR_PLURALS.get(noun);
        if (irregular != null) {
            return irregular;
        }
        if (noun.matches(".*(s|x|z|ch|sh)")) {
            return noun + "es";
        }
        if (noun.matches(".*[^aeiou]y")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

}
