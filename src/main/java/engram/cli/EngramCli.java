package engram.cli;
public class EngramCli { public static void main(String[] a){ System.out.println("hi"); } }
